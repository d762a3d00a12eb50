import type { WaveSubject } from '../policy/policy';
import type { WaveRow } from './queries';
import { frameOf } from './answers';

/** The policy's view of a wave: the schools its scope covers (null: district-wide) and the teams in its frame. */
export function waveSubject(row: WaveRow): WaveSubject {
  const frame = frameOf(row);
  const teams = frame.units.filter((u) => u.kind === 'team');
  const districtWide = row.scopeKind === 'district' || teams.some((t) => t.parent === 'district');
  return {
    kind: 'wave',
    id: row.id,
    districtId: row.districtId,
    schoolIds: districtWide
      ? null
      : frame.units.flatMap((u) => (u.kind === 'school' && u.id !== null ? [u.id] : [])),
    teamIds: teams.flatMap((t) => (t.id === null ? [] : [t.id])),
  };
}
