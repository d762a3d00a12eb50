/**
 * MEASURE-WAVE-7: closing a wave, in the caller's transaction: its results are computed once and frozen
 * (`survey_results`), the record of who was invited and who answered is deleted, and so are the anonymous link's
 * browser tokens. Nothing shown afterwards can change (ADR 0028, ADR 0029).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { waveResults } from '#core/measure/report';
import type { DbOrTx } from '../db/client';
import { surveyLinkUses, surveyResults, surveyWaves } from '../db/schema';
import { conflict } from '../http/errors';
import { frameOf, instrumentOf } from './answers';
import { deleteParticipation, responsesOf, type WaveRow } from './queries';

export async function closeWave(tx: DbOrTx, row: WaveRow, now = new Date()): Promise<WaveRow> {
  // Claim the wave first: of two closes at once (the admin and the job), one does the work.
  const [claimed] = await tx
    .update(surveyWaves)
    .set({ closedAt: now })
    .where(and(eq(surveyWaves.districtId, row.districtId), eq(surveyWaves.id, row.id), isOpen()))
    .returning();
  if (!claimed) throw conflict('This wave is already closed');
  const cells = waveResults({
    frame: frameOf(row),
    threshold: row.threshold,
    instrument: instrumentOf(row),
    answers: await responsesOf(tx, row.districtId, row.id),
  });
  // In batches: a district of 5,000 teams has some 15,000 cells, and one statement takes at most 65,535 parameters.
  for (let i = 0; i < cells.length; i += 1000)
    await tx.insert(surveyResults).values(
      cells.slice(i, i + 1000).map((c) => ({
        districtId: row.districtId,
        waveId: row.id,
        node: c.node,
        role: c.role,
        parent: c.parent,
        payload: c.cell,
      })),
    );
  await deleteParticipation(tx, row.districtId, row.id);
  await tx
    .delete(surveyLinkUses)
    .where(and(eq(surveyLinkUses.districtId, row.districtId), eq(surveyLinkUses.waveId, row.id)));
  return claimed;
}

const isOpen = () => isNull(surveyWaves.closedAt);
