import { describe, expect, it } from 'vitest';
import type { Routine } from '../../contracts/routine';
import { fixtureRoutine } from '../meeting/testing';
import { customizeRoutine, totalMinutes } from '.';

const ok = (r: ReturnType<typeof customizeRoutine>): Routine => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.routine;
};

describe('customizeRoutine', () => {
  it('ROUTINE-CUSTOM-1: a team copy changes minutes and prompts, gets the next version and remembers its origin', () => {
    const before = structuredClone(fixtureRoutine);
    const copy = ok(
      customizeRoutine(fixtureRoutine, [
        { op: 'update-step', stepId: 'discuss', minutes: 6, prompts: ['What would you try?'] },
        { op: 'update-routine', name: 'Our fixture' },
      ]),
    );
    expect(copy.version).toBe(2);
    expect(copy.basedOn).toEqual({ id: 'fixture', version: 1 });
    expect(copy.name).toBe('Our fixture');
    expect(copy.steps.find((s) => s.id === 'discuss')).toMatchObject({
      minutes: 6,
      prompts: ['What would you try?'],
    });
    expect(totalMinutes(copy)).toBe(totalMinutes(fixtureRoutine) + 2);
    expect(fixtureRoutine).toEqual(before);
  });

  it('ROUTINE-CUSTOM-2: editing a copy again bumps the version and keeps pointing at the original', () => {
    const first = ok(customizeRoutine(fixtureRoutine, [{ op: 'remove-step', stepId: 'observe' }]));
    const second = ok(customizeRoutine(first, [{ op: 'move-step', stepId: 'discuss', toIndex: 0 }]));
    expect(second.version).toBe(3);
    expect(second.basedOn).toEqual({ id: 'fixture', version: 1 });
    expect(second.steps.map((s) => s.id)).toEqual(['discuss', 'describe', 'probe', 'final']);
  });

  it('ROUTINE-CUSTOM-3: inserting a step places it after the named one (or first with null)', () => {
    const extra = {
      id: 'warm-up',
      title: 'Warm up',
      kind: 'reflect' as const,
      minutes: 3,
      purpose: 'Settle in.',
      prompts: ['How are you?'],
      speaker: 'team' as const,
      sources: ['affective_state' as const],
    };
    expect(
      ok(customizeRoutine(fixtureRoutine, [{ op: 'insert-step', afterStepId: null, step: extra }])).steps[0]
        ?.id,
    ).toBe('warm-up');
    expect(
      ok(customizeRoutine(fixtureRoutine, [{ op: 'insert-step', afterStepId: 'describe', step: extra }]))
        .steps[2]?.id,
    ).toBe('warm-up');
  });

  it('ROUTINE-CUSTOM-4: a copy is validated again: it cannot lose its final step, move it, or break the time limit', () => {
    const noFinal = customizeRoutine(fixtureRoutine, [{ op: 'remove-step', stepId: 'final' }]);
    expect(noFinal.ok).toBe(false);
    expect(customizeRoutine(fixtureRoutine, [{ op: 'move-step', stepId: 'final', toIndex: 0 }]).ok).toBe(
      false,
    );
    const long = customizeRoutine(fixtureRoutine, [
      { op: 'update-step', stepId: 'observe', minutes: 120 },
      { op: 'update-step', stepId: 'discuss', minutes: 120 },
    ]);
    expect(long).toEqual({ ok: false, errors: [expect.objectContaining({ path: ['steps'] })] });
  });

  it('ROUTINE-CUSTOM-5: a change naming an unknown step is refused with its position in the list', () => {
    const r = customizeRoutine(fixtureRoutine, [
      { op: 'update-step', stepId: 'discuss', minutes: 3 },
      { op: 'remove-step', stepId: 'nope' },
    ]);
    expect(r).toEqual({ ok: false, errors: [{ path: ['changes', 1], message: 'No step "nope"' }] });
  });
});
