/**
 * The networks kit as one lazy module (DAY-PERF-1, ADR 0030): its pages and the shell's parts for a tab in a network
 * load together, through one `import()` in the first chunk (`shell/space.tsx`), on the first page that needs one.
 */
export { NetworksPage } from './NetworksPage';
export { NetworkInvitationPage } from './NetworkInvitationPage';
export { NetworkHomePage } from './NetworkHomePage';
// The colleague exchange's pages ride along: principals reach them from /networks (one `import()` less on every page).
export { ColleagueRoutePage } from '../colleague/ColleagueRoutePage';
export { EnterNetworkPage, NetworkPart } from '../shell/network-frame';
