/**
 * The weekly email digest of a person's next steps (DIGEST-*): opt-in per person, at most one per 7 days, plain
 * text and HTML, with a one-click unsubscribe (RFC 8058) that needs no sign-in. The job runs one node at a time
 * under an advisory lock, like the retention job (maintenance/job.ts).
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { classify, type NextStep } from '#core/next-steps/index';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Database, DbOrTx } from '../db/client';
import { digestSubscriptions, users } from '../db/schema';
import type { Language } from '#contracts/auth';
import { mailLanguage } from '../mail/language';
import type { Mailer } from '../mail/mailer';
import { mailTemplates } from '../mail/templates';
import { startLockedJob } from '../runtime/locked-job';
import { utcToday } from './presenter';
import { activeTeamsOf, loadNextSteps } from './queries';

/** DIGEST-JOB-1: a subscriber gets at most one digest in this long. */
export const DIGEST_PERIOD_MS = 7 * 24 * 3_600_000;
/** How often the job looks for digests due (the first round waits one interval). */
export const DIGEST_INTERVAL_MS = 60 * 60_000;
export const DIGEST_LOCK_KEY = 0x656e_6467; // 'endg'

export async function digestSettingOf(db: DbOrTx, districtId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ weekly: digestSubscriptions.weekly })
    .from(digestSubscriptions)
    .where(and(eq(digestSubscriptions.districtId, districtId), eq(digestSubscriptions.userId, userId)));
  return row?.weekly ?? false;
}

/** DIGEST-OPT-1: on or off; turning it on again does not reset when the last digest went. */
export async function setDigest(
  db: DbOrTx,
  districtId: string,
  userId: string,
  weekly: boolean,
): Promise<void> {
  await db
    .insert(digestSubscriptions)
    .values({ districtId, userId, weekly })
    .onConflictDoUpdate({
      target: [digestSubscriptions.districtId, digestSubscriptions.userId],
      set: { weekly, updatedAt: sql`now()` },
    });
}

/** The subscription an unsubscribe secret belongs to (the latest digest's or the one before), or null. */
export async function subscriptionByToken(
  db: DbOrTx,
  token: string,
): Promise<{ districtId: string; userId: string; weekly: boolean } | null> {
  const hash = hashSecret(token);
  const [row] = await db
    .select({
      districtId: digestSubscriptions.districtId,
      userId: digestSubscriptions.userId,
      weekly: digestSubscriptions.weekly,
    })
    .from(digestSubscriptions)
    .where(or(eq(digestSubscriptions.tokenHash, hash), eq(digestSubscriptions.previousTokenHash, hash)));
  return row ?? null;
}

export interface DigestContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const SECTIONS = ['overdue', 'due-soon', 'later', 'no-date'] as const;

/**
 * DIGEST-MAIL-1: the digest of these open next steps (the person's own), grouped overdue, due soon, later, no
 * date; text and HTML say the same. Team and meeting names and the steps' text are the team's own words,
 * escaped in HTML. I18N-MAIL-1: in `language` (default English), the HTML document's `lang` set.
 */
export function digestContent(
  steps: readonly (NextStep & { teamName: string })[],
  opts: { name: string; today: string; pageUrl: string; unsubscribeUrl: string; language?: Language },
): DigestContent {
  const language = opts.language ?? 'en';
  const t = mailTemplates(language).digest;
  const overdue = steps.filter((s) => classify(s, opts.today) === 'overdue').length;
  const subject = t.subject(steps.length, overdue);
  const text: string[] = [t.hello(opts.name), '', t.intro(opts.today), ''];
  const html: string[] = [
    `<p>${escapeHtml(t.hello(opts.name))}</p>`,
    `<p>${escapeHtml(t.intro(opts.today))}</p>`,
  ];
  for (const cls of SECTIONS) {
    const title = t.section[cls];
    const own = steps.filter((s) => classify(s, opts.today) === cls);
    if (!own.length) continue;
    text.push(`${title} (${own.length})`);
    html.push(`<h2>${escapeHtml(title)} (${own.length})</h2>`, '<ul>');
    for (const s of own) {
      const due = s.due ?? null;
      text.push(
        `- ${s.text} (${t.context({ teamName: s.teamName, meetingTitle: s.meetingTitle, due, html: false })})`,
      );
      const context = t.context({
        teamName: escapeHtml(s.teamName),
        meetingTitle: escapeHtml(s.meetingTitle),
        due: due === null ? null : escapeHtml(due),
        html: true,
      });
      html.push(`<li>${escapeHtml(s.text)} <small>(${context})</small></li>`);
    }
    text.push('');
    html.push('</ul>');
  }
  text.push(`${t.markDone}: ${opts.pageUrl}`, '', `${t.why} ${t.stopIt} ${opts.unsubscribeUrl}`);
  html.push(
    `<p><a href="${escapeHtml(opts.pageUrl)}">${escapeHtml(t.markDone)}</a></p>`,
    `<p><small>${escapeHtml(t.why)} <a href="${escapeHtml(opts.unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></small></p>`,
  );
  return {
    subject,
    text: `${text.join('\n')}\n`,
    html: `<!doctype html><html lang="${language}"><body>${html.join('\n')}</body></html>`,
  };
}

/**
 * DIGEST-JOB-1: sends every digest that is due at `now`: subscribers with `weekly` on, active accounts, whose
 * last digest went 7 days ago or more. Each row is claimed (last_sent_at = now, a fresh unsubscribe secret)
 * before its mail goes, so a crash or a second node can never send a second digest within 7 days. People with no
 * open next steps get no mail (and are looked at again next round). Returns how many mails were sent.
 */
export async function sendDueDigests(
  opts: { db: Database['db']; mailer: Mailer; link: (path: string) => string },
  now: Date = new Date(),
): Promise<number> {
  const { db } = opts;
  const due = await db
    .select({
      districtId: digestSubscriptions.districtId,
      userId: digestSubscriptions.userId,
      email: users.email,
      name: users.name,
      language: users.language,
    })
    .from(digestSubscriptions)
    .innerJoin(
      users,
      and(eq(users.id, digestSubscriptions.userId), eq(users.districtId, digestSubscriptions.districtId)),
    )
    .where(
      and(
        eq(digestSubscriptions.weekly, true),
        isNull(users.deactivatedAt),
        or(
          isNull(digestSubscriptions.lastSentAt),
          lte(digestSubscriptions.lastSentAt, new Date(now.getTime() - DIGEST_PERIOD_MS)),
        ),
      ),
    )
    .limit(500);
  const today = utcToday(now);
  let sent = 0;
  for (const person of due) {
    const teams = await activeTeamsOf(db, person.districtId, person.userId);
    const context = await loadNextSteps(
      db,
      person.districtId,
      teams.map((g) => g.id),
    );
    const mine = context.steps
      .filter((s) => s.status === 'open' && s.ownerId === person.userId)
      .map((s) => ({ ...s, teamName: context.groups.get(s.groupId)?.name ?? '' }));
    if (!mine.length) continue;
    const token = newSecret();
    // MAIL-QUEUE-1: the claim and the queued mail commit together.
    const queued = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(digestSubscriptions)
        .set({
          lastSentAt: now,
          previousTokenHash: sql`${digestSubscriptions.tokenHash}`,
          tokenHash: hashSecret(token),
        })
        .where(
          and(
            eq(digestSubscriptions.districtId, person.districtId),
            eq(digestSubscriptions.userId, person.userId),
            eq(digestSubscriptions.weekly, true),
            or(
              isNull(digestSubscriptions.lastSentAt),
              lte(digestSubscriptions.lastSentAt, new Date(now.getTime() - DIGEST_PERIOD_MS)),
            ),
          ),
        )
        .returning({ userId: digestSubscriptions.userId });
      if (!claimed.length) return false;
      const unsubscribeUrl = opts.link(`/api/digest/unsubscribe/${token}`);
      const content = digestContent(mine, {
        name: person.name,
        today,
        pageUrl: opts.link('/next-steps'),
        unsubscribeUrl,
        // I18N-MAIL-1: no request causes a digest: the person's choice, else English.
        language: mailLanguage(person.language),
      });
      await opts.mailer.send(
        {
          to: person.email,
          districtId: person.districtId,
          key: `digest:${person.userId}:${now.toISOString()}`,
          ...content,
          language: mailLanguage(person.language),
          headers: {
            'List-Unsubscribe': `<${unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        },
        { tx },
      );
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}

export interface DigestJob {
  /** One round now; null when another node holds the lock. */
  runOnce(now?: Date): Promise<number | null>;
  stop(): Promise<void>;
}

/** DIGEST-JOB-1: every hour, one node at a time (`startLockedJob`); failures are logged, never thrown. */
export function startDigestJob(opts: {
  database: Database;
  mailer: Mailer;
  link: (path: string) => string;
  log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void };
  intervalMs?: number;
}): DigestJob {
  return startLockedJob({
    database: opts.database,
    lockKey: DIGEST_LOCK_KEY,
    intervalMs: opts.intervalMs ?? DIGEST_INTERVAL_MS,
    name: 'digest round',
    log: opts.log,
    round: async (now) => {
      const sent = await sendDueDigests({ db: opts.database.db, mailer: opts.mailer, link: opts.link }, now);
      if (sent > 0) opts.log.info({ sent }, 'digest: weekly digests sent');
      return sent;
    },
  });
}
