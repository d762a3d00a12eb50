/**
 * What the app's router and team page need from the routines feature:
 *
 * - `routineRoutes`: inside the signed-in part of the app shell (next to `teams/:groupId`).
 * - `TeamRoutinesLink({ groupId })`: the team page's way in.
 */
import type { RouteObject } from 'react-router';
import { RoutinePage } from './RoutinePage';
import { RoutinesPage } from './RoutinesPage';
import './routines.css';

export { TeamRoutinesLink } from './TeamRoutinesLink';

export const routineRoutes: RouteObject[] = [
  { path: 'teams/:groupId/routines', element: <RoutinesPage /> },
  { path: 'teams/:groupId/routines/:routineId', element: <RoutinePage /> },
];
