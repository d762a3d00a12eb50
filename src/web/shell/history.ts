/**
 * The app's own view of the browser history, for the router (wouter, `shell/navigation.tsx`): what it adds to
 * the History API is a key per entry (focus moves to a new page's heading once per navigation, see
 * `navigationFocus.ts`) and one navigation guard (the routine editor's "Leave without saving?", which must also
 * catch Back and Forward). The location it reports changes only when a navigation is let through, so a blocked
 * one never renders the next page.
 *
 * Each entry's `history.state` is `{ key, idx }`: `idx` counts entries from the first page of this visit, so a
 * blocked Back or Forward can be undone (`history.go` by the distance) and later redone.
 */

/** The part of `window` this needs; a fake in the unit tests. */
export interface HistoryWindow {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: {
    readonly state: unknown;
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url?: string): void;
    go(delta: number): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
}

/** Where the app is. `key` is new for each navigation, and the same again when Back returns to an entry. */
export interface AppLocation {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly key: string;
}

/** Where a navigation would go. */
export interface NextLocation {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

export interface NavigateOptions {
  /** Replace the current entry instead of adding one (redirects, leaving a mode of the same page). */
  replace?: boolean;
}

/** Asked before each navigation while registered: true holds it until `proceed()` or `reset()`. */
export type BlockerFunction = (args: { currentLocation: AppLocation; nextLocation: NextLocation }) => boolean;

export type Blocker =
  | { readonly state: 'unblocked'; readonly proceed?: undefined; readonly reset?: undefined }
  | {
      readonly state: 'blocked';
      /** Go where the held navigation was going. */
      readonly proceed: () => void;
      /** Stay: forget the held navigation. */
      readonly reset: () => void;
      readonly location: NextLocation;
    };

export interface AppHistory {
  /** The same object until the location changes (a snapshot for `useSyncExternalStore`). */
  readonly location: () => AppLocation;
  readonly blocker: () => Blocker;
  readonly subscribe: (listener: () => void) => () => void;
  /** `to` is a path with an optional ?search and #hash, resolved against the current location. */
  readonly navigate: (to: string, options?: NavigateOptions) => void;
  /** One guard at a time (the last registered wins); returns its removal. */
  readonly block: (shouldBlock: BlockerFunction) => () => void;
}

const UNBLOCKED: Blocker = { state: 'unblocked' };

interface EntryState {
  readonly key: string;
  readonly idx: number;
}

function entryOf(state: unknown): EntryState | null {
  if (typeof state !== 'object' || state === null) return null;
  if (!('key' in state) || !('idx' in state)) return null;
  const { key, idx } = state;
  return typeof key === 'string' && typeof idx === 'number' ? { key, idx } : null;
}

function randomKey(): string {
  return Math.random().toString(36).slice(2, 10);
}

export function createAppHistory(win: HistoryWindow, newKey: () => string = randomKey): AppHistory {
  let entry = entryOf(win.history.state);
  if (!entry) {
    entry = { key: 'default', idx: 0 };
    win.history.replaceState(entry, '');
  }
  let idx = entry.idx;
  let current = read(entry.key);
  let shouldBlock: BlockerFunction | null = null;
  let blocker = UNBLOCKED;
  /** The popstate of our own `go()` that undid a blocked Back or Forward: nothing happened. */
  let undoing = false;
  /** The popstate of a `proceed()` after a blocked Back or Forward: let it through unasked. */
  let redoing = false;
  const listeners = new Set<() => void>();

  function read(key: string): AppLocation {
    const { pathname, search, hash } = win.location;
    return { pathname, search, hash, key };
  }

  function emit() {
    for (const listener of [...listeners]) listener();
  }

  function blocks(nextLocation: NextLocation): boolean {
    return shouldBlock !== null && shouldBlock({ currentLocation: current, nextLocation });
  }

  function hold(location: NextLocation, go: () => void) {
    const held: Blocker = {
      state: 'blocked',
      location,
      proceed: () => {
        if (blocker !== held) return;
        blocker = UNBLOCKED;
        emit();
        go();
      },
      reset: () => {
        if (blocker !== held) return;
        blocker = UNBLOCKED;
        emit();
      },
    };
    blocker = held;
    emit();
  }

  function commit(next: NextLocation, replace: boolean) {
    const key = newKey();
    if (!replace) idx += 1;
    const state: EntryState = { key, idx };
    const url = next.pathname + next.search + next.hash;
    if (replace) win.history.replaceState(state, '', url);
    else win.history.pushState(state, '', url);
    current = read(key);
    emit();
  }

  function navigate(to: string, options: NavigateOptions = {}) {
    const url = new URL(to, `http://app.invalid${current.pathname}${current.search}`);
    // A path that resolves to `//host` (`/.//evil.example`) would be another site to pushState, which throws
    // a SecurityError: an empty first segment never names a page here, so leading slashes collapse to one.
    const pathname = url.pathname.replace(/^\/{2,}/, '/');
    const next: NextLocation = { pathname, search: url.search, hash: url.hash };
    // A link to where one already is adds no entry (as React Router did).
    const replace =
      options.replace ??
      (next.pathname === current.pathname && next.search === current.search && next.hash === current.hash);
    if (blocks(next)) {
      hold(next, () => {
        commit(next, replace);
      });
    } else {
      commit(next, replace);
    }
  }

  win.addEventListener('popstate', () => {
    if (undoing) {
      undoing = false;
      return;
    }
    let state = entryOf(win.history.state);
    if (!state) {
      // An entry we did not make (a plain #hash link): it came after the current one.
      state = { key: newKey(), idx: idx + 1 };
      win.history.replaceState(state, '');
    }
    const next = read(state.key);
    const delta = idx - state.idx;
    if (!redoing && delta !== 0 && blocks(next)) {
      undoing = true;
      win.history.go(delta);
      hold(next, () => {
        redoing = true;
        win.history.go(-delta);
      });
      return;
    }
    redoing = false;
    idx = state.idx;
    current = next;
    emit();
  });

  return {
    location: () => current,
    blocker: () => blocker,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    navigate,
    block: (fn) => {
      shouldBlock = fn;
      return () => {
        if (shouldBlock !== fn) return;
        shouldBlock = null;
        if (blocker.state === 'blocked') {
          blocker = UNBLOCKED;
          emit();
        }
      };
    },
  };
}
