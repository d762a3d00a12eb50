/**
 * An answer checked against the wave's frozen instrument and frame (MEASURE-WAVE-5): every item answered on the
 * scale, no unknown item, free text only where the instrument asks for it, a unit the person may answer about.
 */
import { Instrument } from '#contracts/instrument';
import { WaveFrame, type RoleBand, type SubmitResponse } from '#contracts/surveys';
import { badRequest, conflict, type FieldProblem } from '../http/errors';
import { frozenParts, rememberFrozen } from './frozen';
import type { WaveRow } from './queries';

/** The units a respondent may choose from, and their role band when it is known (null: they say). */
export interface AnswerUnits {
  keys: readonly string[];
  role: RoleBand | null;
}

export interface CheckedAnswer {
  unit: string;
  role: RoleBand;
  /** Item values in the instrument's order. */
  answers: number[];
  freeText: string | null;
}

/**
 * The wave's frozen instrument, parsed (a row the server wrote; a damaged one is refused, never trusted), once
 * per wave and process (`frozen.ts`).
 */
export function instrumentOf(row: WaveRow): Instrument {
  const known = frozenParts(row.id)?.instrument;
  if (known) return known;
  const parsed = Instrument.safeParse(row.instrument);
  if (!parsed.success) throw conflict('This survey cannot be read; ask the person who started it');
  rememberFrozen(row.id, { instrument: parsed.data });
  return parsed.data;
}

/** The wave's frame, parsed like its instrument. */
export function frameOf(row: WaveRow): WaveFrame {
  const known = frozenParts(row.id)?.frame;
  if (known) return known;
  const parsed = WaveFrame.safeParse(row.frame);
  if (!parsed.success) throw conflict('This survey cannot be read; ask the person who started it');
  rememberFrozen(row.id, { frame: parsed.data });
  return parsed.data;
}

export function checkAnswers(
  row: WaveRow,
  body: SubmitResponse,
  units: AnswerUnits,
  leader: boolean | null,
): CheckedAnswer {
  const instrument = instrumentOf(row);
  const fields: FieldProblem[] = [];
  const fault = (path: string, message: string) => fields.push({ path, message });
  if (!units.keys.includes(body.unit)) fault('unit', 'Choose one of the teams offered');
  const answers: number[] = [];
  for (const item of instrument.items) {
    const value = body.answers[item.id];
    if (value === undefined) fault(`answers.${item.id}`, 'Answer this question');
    else if (value < 1 || value > instrument.scale.points)
      fault(`answers.${item.id}`, `Choose one of the ${instrument.scale.points} answers`);
    else answers.push(value);
  }
  const known = new Set(instrument.items.map((i) => i.id));
  for (const id of Object.keys(body.answers))
    if (!known.has(id)) fault(`answers.${id}`, 'This survey has no such question');
  const text = body.freeText?.trim() ?? '';
  if (text !== '' && instrument.freeText?.allowed !== true)
    fault('freeText', 'This survey does not ask for comments');
  if (fields.length > 0) throw badRequest('Some answers need another look', fields);
  return {
    unit: body.unit,
    role: units.role ?? (leader === true ? 'leader' : 'staff'),
    answers,
    freeText: text === '' ? null : text,
  };
}
