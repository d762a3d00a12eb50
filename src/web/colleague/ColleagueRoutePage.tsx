/** `/colleague` (the exchange) and `/colleague/:pairId` (a pair's space): one route entry for both. */
import { useParams } from 'wouter';
import { ColleaguePage } from './ColleaguePage';
import { PairSpacePage } from './PairSpacePage';

export function ColleagueRoutePage() {
  const { pairId } = useParams<{ pairId?: string }>();
  return pairId ? <PairSpacePage pairId={pairId} /> : <ColleaguePage />;
}
