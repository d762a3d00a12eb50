/** The address that enters a network in a tab (NET-WEB-1); loaded with the network's shell, not the first chunk. */
import { networkIdOf } from '../api/client';

/**
 * `/n/:networkId` and `/n/:networkId/<rest>`: the network to enter and where to go in it (`/` or `/<rest>`, with
 * the query and hash kept). Null for any other path, or an id that is not one.
 */
export function networkEntryOf(
  pathname: string,
  search = '',
  hash = '',
): { networkId: string; to: string } | null {
  const match = /^\/n\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match) return null;
  const networkId = networkIdOf(match[1]);
  if (!networkId) return null;
  const rest = match[2] && match[2] !== '/' ? match[2] : '/';
  return { networkId, to: rest + search + hash };
}
