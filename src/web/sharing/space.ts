import { useMe } from '../api/queries';
import { useCurrentNetwork } from '../shell/space';

/**
 * SHARE-NET-WEB-1: the network this tab shares in (its name as `me` gives it there), or null in a district. In a
 * network the library is the network's and the only audience is the whole network.
 */
export function useSharingNetwork(): { name: string } | null {
  const network = useCurrentNetwork();
  const me = useMe();
  return network ? { name: me.data?.districtName ?? '' } : null;
}
