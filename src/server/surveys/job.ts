/**
 * MEASURE-WAVE-3, MEASURE-WAVE-7: the survey job, every 10 minutes on one node at a time: it sends the invitations
 * of email waves whose open date has come, and closes the waves whose close date has passed (UTC).
 */
import { and, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { surveyWaves } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import { startLockedJob, type LockedJob } from '../runtime/locked-job';
import { PULSE_OPEN_HOURS } from '#contracts/pulse';
import { forgetClosedPulseParticipation } from '../pulse/queries';
import { closeWave } from './close';
import { waveInvitationMail, waveReminderMail } from './mail';
import { utcToday } from './presenter';
import { notYetAnswered, wavesDueToClose } from './queries';

export const SURVEY_JOB_INTERVAL_MS = 10 * 60_000;
export const SURVEY_JOB_LOCK_KEY = 0x656e_7376; // 'ensv'

export interface SurveyRound {
  invited: number;
  reminded: number;
  closed: number;
}

/** MEASURE-WAVE-8: the automatic reminder goes out when this many days are left, unless one went out lately. */
export const REMINDER_DAYS_BEFORE_CLOSE = 2;

/** One round: invitations due, then closes due. A wave whose close fails is logged and left for the next round. */
export async function runSurveyRound(
  s: {
    db: Database['db'];
    mailer: Pick<Mailer, 'send'>;
    link: (path: string) => string;
    log: { error(o: object, m: string): void };
  },
  now: Date,
): Promise<SurveyRound> {
  const today = utcToday(now);
  // Claim each wave's invitations (invited_at) and queue its mail in one transaction (MAIL-QUEUE-1), so two rounds
  // or two nodes never send them twice, and a crash in between loses none.
  const invited = await s.db.transaction(async (tx) => {
    let queued = 0;
    const due = await tx
      .update(surveyWaves)
      .set({ invitedAt: now })
      .where(
        and(
          eq(surveyWaves.invite, 'email'),
          isNull(surveyWaves.invitedAt),
          isNull(surveyWaves.closedAt),
          lte(surveyWaves.opensOn, today),
        ),
      )
      .returning();
    for (const row of due) {
      for (const person of await notYetAnswered(tx, row.districtId, row.id)) {
        await s.mailer.send(waveInvitationMail(row, person, s.link(`/surveys/${row.id}/answer`)), { tx });
        queued += 1;
      }
    }
    return queued;
  });
  // MEASURE-WAVE-8: one automatic reminder near the close date, to those who have not answered (claimed first).
  const soon = new Date(now.getTime() + REMINDER_DAYS_BEFORE_CLOSE * 86_400_000);
  const reminded = await s.db.transaction(async (tx) => {
    let queued = 0;
    const remind = await tx
      .update(surveyWaves)
      .set({ remindedAt: now })
      .where(
        and(
          eq(surveyWaves.invite, 'email'),
          // Not in the round that sent the invitations: at least a day after them.
          lt(surveyWaves.invitedAt, new Date(now.getTime() - 86_400_000)),
          isNull(surveyWaves.closedAt),
          lte(surveyWaves.closesOn, utcToday(soon)),
          gte(surveyWaves.closesOn, today),
          or(
            isNull(surveyWaves.remindedAt),
            lt(surveyWaves.remindedAt, new Date(now.getTime() - REMINDER_DAYS_BEFORE_CLOSE * 86_400_000)),
          ),
        ),
      )
      .returning();
    for (const row of remind) {
      for (const person of await notYetAnswered(tx, row.districtId, row.id)) {
        await s.mailer.send(waveReminderMail(row, person, s.link(`/surveys/${row.id}/answer`)), { tx });
        queued += 1;
      }
    }
    return queued;
  });
  let closed = 0;
  for (const { id, districtId } of await wavesDueToClose(s.db, today)) {
    try {
      await s.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(surveyWaves)
          .where(and(eq(surveyWaves.districtId, districtId), eq(surveyWaves.id, id), sql`closed_at is null`));
        if (row) await closeWave(tx, row, now);
      });
      closed += 1;
    } catch (error) {
      s.log.error(
        { err: error instanceof Error ? { message: error.message } : {}, waveId: id },
        'survey close failed',
      );
    }
  }
  // MEASURE-PULSE-4: who answered a meeting's pulse is forgotten once the pulse closes.
  await forgetClosedPulseParticipation(s.db, new Date(now.getTime() - PULSE_OPEN_HOURS * 3_600_000));
  return { invited, reminded, closed };
}

export function startSurveyJob(opts: {
  database: Database;
  mailer: Mailer;
  link: (path: string) => string;
  log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void };
  intervalMs?: number;
}): LockedJob<SurveyRound> {
  return startLockedJob({
    database: opts.database,
    lockKey: SURVEY_JOB_LOCK_KEY,
    intervalMs: opts.intervalMs ?? SURVEY_JOB_INTERVAL_MS,
    runAtStart: true,
    name: 'survey round',
    log: opts.log,
    round: async (now) => {
      const done = await runSurveyRound(
        { db: opts.database.db, mailer: opts.mailer, link: opts.link, log: opts.log },
        now,
      );
      if (done.invited + done.reminded + done.closed > 0)
        opts.log.info({ ...done }, 'surveys: invitations sent and waves closed');
      return done;
    },
  });
}
