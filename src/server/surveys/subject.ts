import type { WaveFrame } from '#contracts/surveys';
import type { WaveSubject } from '../policy/policy';
import type { WaveRow } from './queries';
import { frameOf } from './answers';

/** What the policy reads of a frame, worked out once per parsed frame (a frame never changes, `frozen.ts`). */
const covered = new WeakMap<
  WaveFrame,
  { schoolIds: readonly string[]; teamIds: readonly string[]; districtTeam: boolean }
>();

function coverageOf(frame: WaveFrame) {
  let found = covered.get(frame);
  if (!found) {
    const teams = frame.units.filter((u) => u.kind === 'team');
    found = {
      schoolIds: frame.units.flatMap((u) => (u.kind === 'school' && u.id !== null ? [u.id] : [])),
      teamIds: teams.flatMap((t) => (t.id === null ? [] : [t.id])),
      districtTeam: teams.some((t) => t.parent === 'district'),
    };
    covered.set(frame, found);
  }
  return found;
}

/**
 * The policy's view of a wave: the schools its scope covers (null: district-wide) and the teams in its frame. A
 * network's cohorts hang from the network itself, yet a cohorts wave is not network-wide (MEASURE-NET-1): it
 * covers no school, and its cohorts' members read it.
 */
export function waveSubject(row: WaveRow): WaveSubject {
  const frame = frameOf(row);
  const { schoolIds, teamIds, districtTeam } = coverageOf(frame);
  const districtWide = row.scopeKind === 'district' || (districtTeam && frame.space !== 'network');
  return {
    kind: 'wave',
    id: row.id,
    districtId: row.districtId,
    schoolIds: districtWide ? null : schoolIds,
    teamIds,
  };
}
