/**
 * The space a tab acts in (ADR 0032, "The web keeps the space per tab"; NET-WEB-1): the signed-in person's own
 * district, or a network they belong to. `/n/:networkId` enters a network in this tab (sessionStorage, so two tabs
 * in two spaces do not interfere); every session call (`client.ts`) and meeting socket (`socket-transport.ts`) of
 * the tab then names it, and "Back to your district" leaves. Small and dependency-free: it is in the first chunk.
 */

/** The request header a call names its network in (`NETWORK_HEADER` of `#contracts/networks`, kept in step by a test). */
export const NETWORK_HEADER = 'x-ensemble-network';
/** The sessionStorage key: this tab's network. */
export const SPACE_KEY = 'ensemble.network';

const NETWORK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A network id as the server accepts one (a UUID), lower-cased; anything else is null. */
export function networkIdOf(value: string | null | undefined): string | null {
  return value && NETWORK_ID.test(value) ? value.toLowerCase() : null;
}

/** The headers a call names its space with: the network for an endpoint that needs a session, nothing else. */
export function spaceHeaders(auth: 'public' | 'session', network: string | null): Record<string, string> {
  return auth === 'session' && network ? { [NETWORK_HEADER]: network } : {};
}

/** The part of `Storage` the space needs (a test passes a Map-backed one). */
export type SpaceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function tabStorage(): SpaceStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage switched off (a locked-down browser): the tab stays in its district.
    return null;
  }
}

const listeners = new Set<() => void>();

/** This tab's network, or null in the person's own district. */
export function currentNetwork(storage: SpaceStorage | null = tabStorage()): string | null {
  try {
    return networkIdOf(storage?.getItem(SPACE_KEY));
  } catch {
    return null;
  }
}

function write(storage: SpaceStorage | null, networkId: string | null): void {
  try {
    if (networkId) storage?.setItem(SPACE_KEY, networkId);
    else storage?.removeItem(SPACE_KEY);
  } catch {
    // Nothing to keep it in: the tab stays where it was.
  }
  for (const listener of listeners) listener();
}

/** This tab acts in `networkId` from now on (the caller clears what was cached for the other space). */
export function enterNetwork(networkId: string, storage: SpaceStorage | null = tabStorage()): void {
  write(storage, networkIdOf(networkId));
}

/** Back to the person's own district in this tab. */
export function leaveNetworkSpace(storage: SpaceStorage | null = tabStorage()): void {
  write(storage, null);
}

/** For `useSyncExternalStore`: called when this tab enters or leaves a network. */
export function subscribeToSpace(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
