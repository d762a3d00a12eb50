import { describe, expect, it } from 'vitest';
import { createAppHistory, type BlockerFunction, type HistoryWindow } from './history';

/**
 * A browser history in memory: entries with their state, a pointer, and `go()` that (like the browser's)
 * moves later and then fires `popstate`; `back()` stands for the person pressing Back.
 */
function fakeWindow(startUrl = '/') {
  const entries: { url: URL; state: unknown }[] = [{ url: new URL(startUrl, 'http://x'), state: null }];
  let at = 0;
  let listener: (() => void) | null = null;
  const queued: number[] = [];
  const here = () => entries[at]!;
  const win: HistoryWindow = {
    location: {
      get pathname() {
        return here().url.pathname;
      },
      get search() {
        return here().url.search;
      },
      get hash() {
        return here().url.hash;
      },
    },
    history: {
      get state() {
        return here().state;
      },
      pushState(state, _unused, url) {
        entries.splice(at + 1);
        entries.push({ url: new URL(url, here().url), state });
        at += 1;
      },
      replaceState(state, _unused, url) {
        entries[at] = { url: url === undefined ? here().url : new URL(url, here().url), state };
      },
      go(delta) {
        queued.push(delta);
      },
    },
    addEventListener(_type, fn) {
      listener = fn;
    },
  };
  /** Runs the queued `go()` moves, each with its popstate, as the browser does after the current task. */
  const flush = () => {
    while (queued.length) {
      const delta = queued.shift()!;
      at += delta;
      listener?.();
    }
  };
  return {
    win,
    flush,
    url: () => here().url.pathname + here().url.search + here().url.hash,
    length: () => entries.length,
    back: () => {
      win.history.go(-1);
      flush();
    },
    forward: () => {
      win.history.go(1);
      flush();
    },
  };
}

function keys() {
  let n = 0;
  return () => `k${++n}`;
}

const leavingPath: BlockerFunction = ({ currentLocation, nextLocation }) =>
  currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search;

describe('the app history (the router location and the unsaved-changes guard)', () => {
  it('pushes and replaces entries, each navigation with a new key; Back returns to the entry and its key', () => {
    const browser = fakeWindow('/sign-in?next=%2Fteams');
    const history = createAppHistory(browser.win, keys());
    expect(history.location()).toEqual({
      pathname: '/sign-in',
      search: '?next=%2Fteams',
      hash: '',
      key: 'default',
    });

    let changes = 0;
    history.subscribe(() => changes++);
    history.navigate('/teams', { replace: true });
    expect(browser.url()).toBe('/teams');
    expect(browser.length()).toBe(1);
    expect(history.location().key).toBe('k1');

    history.navigate('/teams/g1/routines?edit=1#steps');
    expect(history.location()).toEqual({
      pathname: '/teams/g1/routines',
      search: '?edit=1',
      hash: '#steps',
      key: 'k2',
    });
    expect(browser.length()).toBe(2);

    browser.back();
    expect(history.location()).toEqual({ pathname: '/teams', search: '', hash: '', key: 'k1' });
    expect(changes).toBe(3);
  });

  it('keeps the location object while nothing changes, and a link to the current address adds no entry', () => {
    const browser = fakeWindow('/account');
    const history = createAppHistory(browser.win, keys());
    const before = history.location();
    expect(history.location()).toBe(before);
    history.navigate('/account');
    expect(browser.length()).toBe(1);
    expect(history.location()).not.toBe(before);
  });

  it('resolves a relative search against the current path', () => {
    const browser = fakeWindow('/reflections?page=2');
    const history = createAppHistory(browser.win, keys());
    history.navigate('?team=t1');
    expect(browser.url()).toBe('/reflections?team=t1');
  });

  it('WEB-NAV-2 never pushes a path that the browser would read as another host (//host)', () => {
    const browser = fakeWindow('/sign-in');
    const pushed: string[] = [];
    const push = browser.win.history.pushState.bind(browser.win.history);
    const replace = browser.win.history.replaceState.bind(browser.win.history);
    const win: HistoryWindow = {
      ...browser.win,
      history: {
        get state() {
          return browser.win.history.state;
        },
        pushState(state, unused, url) {
          pushed.push(url);
          push(state, unused, url);
        },
        replaceState(state, unused, url) {
          if (url !== undefined) pushed.push(url);
          replace(state, unused, url);
        },
        go: (delta) => {
          browser.win.history.go(delta);
        },
      },
    };
    const history = createAppHistory(win, keys());
    history.navigate('/.//evil.example/x?a=1', { replace: true });
    history.navigate('/a/..//evil.example');
    history.navigate('/.///evil.example');
    expect(pushed).toEqual(['/evil.example/x?a=1', '/evil.example', '/evil.example']);
    expect(pushed.some((url) => url.startsWith('//'))).toBe(false);
    expect(history.location().pathname).toBe('/evil.example');
  });

  it('holds an in-app navigation the guard refuses, until proceed (goes) or reset (stays)', () => {
    const browser = fakeWindow('/teams/g1/routines/r1?edit=1');
    const history = createAppHistory(browser.win, keys());
    const unblock = history.block(leavingPath);

    history.navigate('/teams/g1/routines');
    const held = history.blocker();
    expect(held.state).toBe('blocked');
    expect(held.state === 'blocked' ? held.location.pathname : null).toBe('/teams/g1/routines');
    expect(browser.url()).toBe('/teams/g1/routines/r1?edit=1');
    expect(history.location().search).toBe('?edit=1');

    held.reset?.();
    expect(history.blocker().state).toBe('unblocked');
    expect(browser.url()).toBe('/teams/g1/routines/r1?edit=1');

    // A #hash on the same page is not leaving it.
    history.navigate('#step-2');
    expect(history.blocker().state).toBe('unblocked');

    history.navigate('/teams/g1/routines');
    history.blocker().proceed?.();
    expect(history.blocker().state).toBe('unblocked');
    expect(browser.url()).toBe('/teams/g1/routines');
    expect(history.location().pathname).toBe('/teams/g1/routines');
    unblock();
  });

  it('asks the guard at navigation time, so the editor can let its own exit through', () => {
    const browser = fakeWindow('/teams/g1/routines/r1?edit=1');
    const history = createAppHistory(browser.win, keys());
    let dirty = true;
    history.block((args) => dirty && leavingPath(args));
    dirty = false;
    history.navigate('?', { replace: true });
    expect(history.blocker().state).toBe('unblocked');
    expect(browser.url()).toBe('/teams/g1/routines/r1');
  });

  it('undoes a refused Back (the page never changes), and goes back on proceed', () => {
    const browser = fakeWindow('/teams/g1/routines');
    const history = createAppHistory(browser.win, keys());
    history.navigate('/teams/g1/routines/r1?edit=1');
    const editing = history.location();
    history.block(leavingPath);
    let changes = 0;
    history.subscribe(() => changes++);

    browser.back();
    expect(history.blocker().state).toBe('blocked');
    expect(history.location()).toBe(editing);
    expect(browser.url()).toBe('/teams/g1/routines/r1?edit=1');

    history.blocker().proceed?.();
    browser.flush();
    expect(history.blocker().state).toBe('unblocked');
    expect(browser.url()).toBe('/teams/g1/routines');
    expect(history.location()).toMatchObject({ pathname: '/teams/g1/routines', key: 'default' });
    expect(changes).toBe(3); // held, released, moved
  });

  it('undoes a refused Forward too, and stays on reset', () => {
    const browser = fakeWindow('/teams/g1/routines/r1?edit=1');
    const history = createAppHistory(browser.win, keys());
    history.navigate('/teams/g1');
    browser.back();
    history.block(leavingPath);

    browser.forward();
    expect(history.blocker().state).toBe('blocked');
    expect(browser.url()).toBe('/teams/g1/routines/r1?edit=1');
    history.blocker().reset?.();
    expect(history.location().pathname).toBe('/teams/g1/routines/r1');
    expect(browser.url()).toBe('/teams/g1/routines/r1?edit=1');
  });

  it('lets everything through once the guard is removed, and a removed guard releases a held navigation', () => {
    const browser = fakeWindow('/a');
    const history = createAppHistory(browser.win, keys());
    const unblock = history.block(() => true);
    history.navigate('/b');
    expect(history.blocker().state).toBe('blocked');
    unblock();
    expect(history.blocker().state).toBe('unblocked');
    history.navigate('/b');
    expect(browser.url()).toBe('/b');
    browser.back();
    expect(history.location().pathname).toBe('/a');
  });

  it('gives an entry it did not make (a plain #hash link) a key and its place after the current one', () => {
    const browser = fakeWindow('/minutes');
    const history = createAppHistory(browser.win, keys());
    // What the browser does for <a href="#notes">: a new entry with no state, then popstate.
    browser.win.history.pushState(null, '', '#notes');
    browser.win.history.go(0);
    browser.flush();
    expect(history.location()).toMatchObject({ pathname: '/minutes', hash: '#notes', key: 'k1' });
    browser.back();
    expect(history.location()).toMatchObject({ hash: '', key: 'default' });
  });
});
