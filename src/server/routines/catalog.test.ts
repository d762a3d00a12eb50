import { describe, expect, it } from 'vitest';
import { instrumentsFolder, loadShippedInstruments } from '../surveys/catalog';
import { loadShippedRoutines, protocolsFolder } from './catalog';

describe('shipped routines and instruments', () => {
  it('APP-START-1: read once a process and shared frozen, so no caller can change them for the others; another folder is read afresh', () => {
    const routines = loadShippedRoutines();
    expect(loadShippedRoutines()).toBe(routines);
    const routine = routines.get('share-successes');
    const step = routine?.steps[0];
    expect(routine && Object.isFrozen(routine)).toBe(true);
    expect(step && Object.isFrozen(step)).toBe(true);
    expect(Reflect.set(step ?? {}, 'minutes', 99)).toBe(false);
    expect(step?.minutes).not.toBe(99);
    const reread = loadShippedRoutines(protocolsFolder());
    expect(reread).not.toBe(routines);
    expect(reread).toEqual(routines);

    const instruments = loadShippedInstruments();
    expect(loadShippedInstruments()).toBe(instruments);
    const instrument = instruments.get('ensemble-efficacy');
    expect(instrument && Object.isFrozen(instrument.items)).toBe(true);
    expect(Reflect.set(instrument?.items ?? [], 0, null)).toBe(false);
    expect(loadShippedInstruments(instrumentsFolder())).toEqual(instruments);
  });
});
