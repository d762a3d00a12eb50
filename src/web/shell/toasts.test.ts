import { describe, expect, it } from 'vitest';
import { TOAST_GRACE_MS, TOASTS_MAX, withoutStale, withToast, type Toast } from './toasts';

const toast = (id: number, shownAt: number): Toast => ({ id, message: `m${id}`, tone: 'success', shownAt });

describe('toasts', () => {
  it('DAY-TEAM-2 no more than TOASTS_MAX toasts pile up: the newest stay', () => {
    let list: Toast[] = [];
    for (let i = 1; i <= 7; i++) list = withToast(list, toast(i, i));
    expect(TOASTS_MAX).toBeLessThanOrEqual(3);
    expect(list.map((t) => t.id)).toEqual([5, 6, 7]);
  });

  it('DAY-TEAM-2 moving on (another page, a field) clears the toasts, except the one the move itself brought', () => {
    const list = [toast(1, 0), toast(2, 5_000), toast(3, 9_500)];
    expect(withoutStale(list, 10_000).map((t) => t.id)).toEqual([3]);
    expect(withoutStale(list, 9_500 + TOAST_GRACE_MS)).toEqual([]);
  });
});
