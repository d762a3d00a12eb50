/**
 * Who should present next: among current members, the one who presented least often; ties go to whoever
 * presented least recently (never beats ever), then to roster order. `pastPresenterIds` is oldest first;
 * people no longer on the roster are ignored. Null for an empty roster.
 */
export function suggestNextPresenter(
  memberIds: readonly string[],
  pastPresenterIds: readonly string[],
): string | null {
  let best: { id: string; count: number; last: number } | null = null;
  for (const id of memberIds) {
    const count = pastPresenterIds.filter((p) => p === id).length;
    const last = pastPresenterIds.lastIndexOf(id);
    if (best === null || count < best.count || (count === best.count && last < best.last))
      best = { id, count, last };
  }
  return best?.id ?? null;
}

/**
 * A presenter for each of `count` routines in one meeting: the rotation's next person, then the one after
 * (each pick counts as having presented), so one meeting spreads the turns instead of giving them all to one
 * person. People repeat only when the agenda has more routines than the team has members.
 */
export function suggestPresenters(
  memberIds: readonly string[],
  pastPresenterIds: readonly string[],
  count: number,
): (string | null)[] {
  const past = [...pastPresenterIds];
  const picks: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const pick = suggestNextPresenter(memberIds, past);
    picks.push(pick);
    if (pick !== null) past.push(pick);
  }
  return picks;
}
