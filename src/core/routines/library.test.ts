import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slug, type Routine } from '../../contracts/routine';
import { fixtureRoutine } from '../meeting/testing';
import { copyRoutine, orderShipped, slugFromName, uniqueRoutineId } from './library';

describe('new routine ids', () => {
  it('ROUTINE-LIB-NEW-3: an id comes from the name and is made unique with -2, -3, …', () => {
    expect(slugFromName('Reading Check-in (Grade 4)')).toBe('reading-check-in-grade-4');
    expect(slugFromName('Élan & café')).toBe('elan-cafe');
    expect(slugFromName('!!!')).toBe('routine');
    expect(uniqueRoutineId('share-successes', new Set(['share-successes']))).toBe('share-successes-2');
    expect(uniqueRoutineId('x', new Set(['x', 'x-2']))).toBe('x-3');
    expect(uniqueRoutineId('fresh', new Set(['x']))).toBe('fresh');
  });

  it('ROUTINE-LIB-NEW-3: any name gives a valid id that is not taken', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string(), { maxLength: 5 }), (name, others) => {
        const taken = new Set([slugFromName(name), ...others.map(slugFromName)]);
        const id = uniqueRoutineId(slugFromName(name), taken);
        expect(Slug.safeParse(id).success).toBe(true);
        expect(taken.has(id)).toBe(false);
      }),
    );
  });
});

const r = (id: string, extra: Partial<Routine> = {}) => ({ id, ...extra });

describe('the order routines are offered in', () => {
  const shipped = [
    r('peer-modeling'),
    r('problem-solve-leaders', { for: ['district_leadership'], variantOf: 'problem-solve' }),
    r('share-successes'),
    r('peer-modeling-leaders', { for: ['district_leadership'], variantOf: 'peer-modeling' }),
    r('problem-solve'),
    r('share-successes-leaders', { for: ['district_leadership'], variantOf: 'share-successes' }),
  ];
  it('ROUTINE-LIB-ORDER-1: a teacher team gets the teacher wording in progression order, and not the leader wording', () => {
    expect(orderShipped(shipped, 'teacher_team').map((x) => x.id)).toEqual([
      'share-successes',
      'problem-solve',
      'peer-modeling',
    ]);
    expect(orderShipped(shipped, 'whole_staff')[0]?.id).toBe('share-successes');
  });
  it('ROUTINE-LIB-LEAD-2: a district leadership team gets the leader wording first, in progression order', () => {
    expect(orderShipped(shipped, 'district_leadership').map((x) => x.id)).toEqual([
      'share-successes-leaders',
      'problem-solve-leaders',
      'peer-modeling-leaders',
      'share-successes',
      'problem-solve',
      'peer-modeling',
    ]);
  });
});

describe('copying a routine', () => {
  it('ROUTINE-LIB-NEW-2: a copy is version 1 of a new routine, named anew, based on the exact version it came from', () => {
    const source: Routine = { ...fixtureRoutine, version: 3, basedOn: { id: 'older', version: 1 } };
    const copy = copyRoutine(source, 'our-fixture', 'Our fixture');
    expect(copy).toMatchObject({ id: 'our-fixture', name: 'Our fixture', version: 1 });
    expect(copy.basedOn).toEqual({ id: fixtureRoutine.id, version: 3 });
    expect(copy.steps).toEqual(fixtureRoutine.steps);
  });
});
