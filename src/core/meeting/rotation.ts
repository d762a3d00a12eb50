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
