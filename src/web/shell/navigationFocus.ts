/**
 * After a client-side navigation, focus moves to the new page's <h1>, as it would be "read from the top"
 * after a full page load; without this, screen-reader users hear nothing and keyboard focus stays on a
 * link that may no longer exist. The first load is left alone (the skip link comes first there).
 *
 * The shell records the navigation in a layout effect; the heading, whenever it mounts (possibly after
 * data loads), claims it once.
 */
let pendingLocationKey: string | null = null;

export function noteNavigation(locationKey: string): void {
  pendingLocationKey = locationKey;
}

export function claimNavigationFocus(locationKey: string): boolean {
  if (pendingLocationKey !== locationKey) return false;
  pendingLocationKey = null;
  return true;
}
