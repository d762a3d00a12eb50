/**
 * RIGHTS-EXPORT-* (ADR 0042): everything a person wrote or that is about them, in their district and in every
 * network or exchange they take part in through a member row (ADR 0032). Every read names the person's own row
 * (author, actor, owner or member) in its tenant; another person's private content (a reflection, a private
 * colleague note, a visit note, a private book reflection) is never selected. Meeting events are read through
 * `parseStoredEvent` (never cast).
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import {
  MY_DATA_FORMAT,
  MY_DATA_SECTIONS,
  MY_DATA_VERSION,
  type ExportRow,
  type MyDataExport,
  type MyDataSection,
} from '#contracts/my-data';
import type { DbOrTx } from '../db/client';
import {
  auditEvents,
  bookReflections,
  calendarFeeds,
  colleagueNotes,
  colleaguePairs,
  colleagueProfiles,
  digestSubscriptions,
  districts,
  groupJoinRequests,
  groupMembers,
  groups,
  meetingEvents,
  meetings,
  memoryRecords,
  memoryShares,
  networkMembers,
  routineLibrary,
  schoolRoles,
  schools,
  sessions,
  shareCards,
  shareHelped,
  teamRoutines,
  users,
  visitNotes,
} from '../db/schema';
import type { Language } from '#contracts/auth';
import { mdBlock, mdText } from '../meetings/documents';
import { MY_DATA_WORDS } from './my-data-words';
import { eventColumns, parseStoredEvent } from '../meetings/store';
import { rowsOfPerson } from './erase';

/** Meeting events a person writes (their own contributions; `reflection.written` is their private reflection). */
const CONTRIBUTION_TYPES = [
  'note.written',
  'note.suggested',
  'question.submitted',
  'reflection.written',
  'reflection.shared',
  'observation.shared',
  'action-item.added',
  'action-item.completed',
  'next-step.followed-up',
  'presentation.recorded',
  'source.tagged',
] as const;

/** Columns never exported: secrets (hashes of links and cookies), and bytes (a card's image is a file of its own). */
const SECRET_KEYS = new Set([
  'passwordHash',
  'tokenHash',
  'previousTokenHash',
  'secretHash',
  'linkHash',
  'image',
]);

/** A stored row as JSON: dates as ISO strings, secrets and bytes left out. */
export function exportRow(row: Record<string, unknown>): ExportRow {
  const out: ExportRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (SECRET_KEYS.has(key)) continue;
    const json = toJson(value);
    if (json !== undefined) out[key] = json;
  }
  return out;
}

type Json = ExportRow[string];
function toJson(value: unknown): Json | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map((v) => toJson(v) ?? null);
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const json = toJson(v);
      if (json !== undefined) out[k] = json;
    }
    return out;
  }
  return undefined;
}

export const NOT_INCLUDED: string[] = [...MY_DATA_WORDS.en.notIncluded];

export interface MyDataFiles {
  json: MyDataExport;
  cardImages: { name: string; bytes: Uint8Array }[];
}

/** Collects the export of the account `account` (its own district's row). */
export async function collectMyData(
  db: DbOrTx,
  account: { districtId: string; userId: string },
  now: Date = new Date(),
): Promise<MyDataFiles> {
  const [me] = await db
    .select({ user: users, district: districts.name })
    .from(users)
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(and(eq(users.districtId, account.districtId), eq(users.id, account.userId)));
  if (!me) throw new Error('no such account');
  const rows = await rowsOfPerson(db, account);
  const sections = Object.fromEntries(MY_DATA_SECTIONS.map((s) => [s, [] as ExportRow[]])) as Record<
    MyDataSection,
    ExportRow[]
  >;
  const cardImages: MyDataFiles['cardImages'] = [];
  const push = (section: MyDataSection, tenant: string, items: Record<string, unknown>[]) => {
    for (const item of items) sections[section].push({ space: tenant, ...exportRow(item) });
  };

  for (const row of rows) {
    const d = row.tenantId;
    const u = row.userId;
    const [tenant] = await db
      .select({ name: districts.name, kind: districts.kind })
      .from(districts)
      .where(eq(districts.id, d));
    const space = tenant ? `${tenant.kind}: ${tenant.name}` : d;

    push(
      'memberships',
      space,
      await db
        .select({
          groupId: groups.id,
          team: groups.name,
          kind: groups.kind,
          role: groupMembers.role,
          joinedAt: groupMembers.joinedAt,
        })
        .from(groupMembers)
        .innerJoin(
          groups,
          and(eq(groups.districtId, groupMembers.districtId), eq(groups.id, groupMembers.groupId)),
        )
        .where(and(eq(groupMembers.districtId, d), eq(groupMembers.userId, u))),
    );
    push(
      'schoolRoles',
      space,
      await db
        .select({
          schoolId: schools.id,
          school: schools.name,
          role: schoolRoles.role,
          since: schoolRoles.createdAt,
        })
        .from(schoolRoles)
        .innerJoin(
          schools,
          and(eq(schools.districtId, schoolRoles.districtId), eq(schools.id, schoolRoles.schoolId)),
        )
        .where(and(eq(schoolRoles.districtId, d), eq(schoolRoles.userId, u))),
    );
    if (d !== account.districtId) {
      const [member] = await db
        .select({ member: networkMembers, shownName: users.name })
        .from(networkMembers)
        .innerJoin(
          users,
          and(eq(users.districtId, networkMembers.districtId), eq(users.id, networkMembers.userId)),
        )
        .where(and(eq(networkMembers.districtId, d), eq(networkMembers.userId, u)));
      if (member) push('networkMemberships', space, [{ ...member.member, shownName: member.shownName }]);
    }

    // Meeting contributions: the person's own events (parsed with the contract), and next steps others gave them.
    const own = await db
      .select({ ...eventColumns, title: meetings.title })
      .from(meetingEvents)
      .innerJoin(
        meetings,
        and(eq(meetings.districtId, meetingEvents.districtId), eq(meetings.id, meetingEvents.meetingId)),
      )
      .where(
        and(
          eq(meetingEvents.districtId, d),
          eq(meetingEvents.actorId, u),
          inArray(meetingEvents.type, [...CONTRIBUTION_TYPES]),
        ),
      )
      .orderBy(asc(meetingEvents.meetingId), asc(meetingEvents.seq));
    for (const { title, ...stored } of own) {
      const event = parseStoredEvent(stored);
      if (!event) continue;
      push('meetingContributions', space, [
        {
          meetingId: stored.meetingId,
          meeting: title,
          seq: event.seq,
          at: new Date(event.at),
          type: event.type,
          private: event.type === 'reflection.written',
          ...event.payload,
        },
      ]);
    }
    const owned = await db
      .select({ ...eventColumns, title: meetings.title })
      .from(meetingEvents)
      .innerJoin(
        meetings,
        and(eq(meetings.districtId, meetingEvents.districtId), eq(meetings.id, meetingEvents.meetingId)),
      )
      .where(
        and(
          eq(meetingEvents.districtId, d),
          eq(meetingEvents.type, 'action-item.added'),
          sql`${meetingEvents.payload}->>'ownerId' = ${u}`,
        ),
      )
      .orderBy(asc(meetingEvents.meetingId), asc(meetingEvents.seq));
    for (const { title, ...stored } of owned) {
      const event = parseStoredEvent(stored);
      if (event?.type !== 'action-item.added') continue;
      push('nextStepsOwned', space, [
        { meetingId: stored.meetingId, meeting: title, at: new Date(event.at), ...event.payload },
      ]);
    }
    push(
      'meetingsScheduled',
      space,
      await db
        .select({
          id: meetings.id,
          title: meetings.title,
          scheduledFor: meetings.scheduledFor,
          status: meetings.status,
        })
        .from(meetings)
        .where(and(eq(meetings.districtId, d), eq(meetings.createdBy, u))),
    );
    push(
      'memoryRecords',
      space,
      await db
        .select()
        .from(memoryRecords)
        .where(
          and(
            eq(memoryRecords.districtId, d),
            or(
              eq(memoryRecords.authorId, u),
              eq(memoryRecords.createdBy, u),
              eq(memoryRecords.resolvedBy, u),
            ),
          ),
        ),
    );
    push(
      'sharedCopies',
      space,
      await db
        .select()
        .from(memoryShares)
        .where(and(eq(memoryShares.districtId, d), eq(memoryShares.proposedBy, u))),
    );
    const cards = await db
      .select()
      .from(shareCards)
      .where(and(eq(shareCards.districtId, d), eq(shareCards.authorId, u)));
    for (const card of cards) {
      const ext = card.imageType?.split('/')[1];
      const file = card.image && ext ? `cards/${card.id}.${ext}` : null;
      if (file && card.image) cardImages.push({ name: file, bytes: new Uint8Array(card.image) });
      push('shareCards', space, [{ ...card, imageFile: file }]);
    }
    push(
      'helpedMarks',
      space,
      await db
        .select({ shareId: shareHelped.shareId, at: shareHelped.createdAt })
        .from(shareHelped)
        .where(and(eq(shareHelped.districtId, d), eq(shareHelped.userId, u))),
    );
    push(
      'visitNotes',
      space,
      await db
        .select()
        .from(visitNotes)
        .where(and(eq(visitNotes.districtId, d), eq(visitNotes.authorId, u))),
    );
    push(
      'bookReflections',
      space,
      await db
        .select()
        .from(bookReflections)
        .where(and(eq(bookReflections.districtId, d), eq(bookReflections.authorId, u))),
    );
    push(
      'colleagueProfile',
      space,
      await db
        .select()
        .from(colleagueProfiles)
        .where(and(eq(colleagueProfiles.districtId, d), eq(colleagueProfiles.userId, u))),
    );
    // Their own notes (shared and private), and the shared notes of their pairs addressed to them; never the
    // colleague's private ones (RIGHTS-EXPORT-4).
    const pairIds = (
      await db
        .select({ id: colleaguePairs.id })
        .from(colleaguePairs)
        .where(
          and(
            eq(colleaguePairs.districtId, d),
            or(eq(colleaguePairs.memberA, u), eq(colleaguePairs.memberB, u)),
          ),
        )
    ).map((p) => p.id);
    push(
      'colleagueNotes',
      space,
      (
        await db
          .select()
          .from(colleagueNotes)
          .where(
            and(
              eq(colleagueNotes.districtId, d),
              or(
                eq(colleagueNotes.authorId, u),
                pairIds.length > 0
                  ? and(inArray(colleagueNotes.pairId, pairIds), eq(colleagueNotes.visibility, 'shared'))
                  : sql`false`,
              ),
            ),
          )
      ).map((n) => ({ ...n, mine: n.authorId === u })),
    );
    push('routines', space, [
      ...(await db
        .select()
        .from(teamRoutines)
        .where(and(eq(teamRoutines.districtId, d), eq(teamRoutines.createdBy, u)))),
      ...(await db
        .select()
        .from(routineLibrary)
        .where(and(eq(routineLibrary.districtId, d), eq(routineLibrary.authorId, u)))),
    ]);
    push(
      'joinRequests',
      space,
      await db
        .select()
        .from(groupJoinRequests)
        .where(and(eq(groupJoinRequests.districtId, d), eq(groupJoinRequests.userId, u))),
    );
    push(
      'digestSubscription',
      space,
      await db
        .select()
        .from(digestSubscriptions)
        .where(and(eq(digestSubscriptions.districtId, d), eq(digestSubscriptions.userId, u))),
    );
    push(
      'calendarFeeds',
      space,
      await db
        .select({ id: calendarFeeds.id, groupId: calendarFeeds.groupId, createdAt: calendarFeeds.createdAt })
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.districtId, d), eq(calendarFeeds.userId, u))),
    );
    push(
      'sessions',
      space,
      await db
        .select({
          userAgent: sessions.userAgent,
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          persistent: sessions.persistent,
        })
        .from(sessions)
        .where(and(eq(sessions.districtId, d), eq(sessions.userId, u))),
    );
    push(
      'auditEvents',
      space,
      await db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.districtId, d),
            or(
              eq(auditEvents.actorId, u),
              and(eq(auditEvents.subjectType, 'person'), eq(auditEvents.subjectId, u)),
            ),
          ),
        )
        .orderBy(asc(auditEvents.at)),
    );
  }

  return {
    json: {
      format: MY_DATA_FORMAT,
      version: MY_DATA_VERSION,
      exportedAt: now.toISOString(),
      person: {
        id: me.user.id,
        name: me.user.name,
        email: me.user.email,
        district: me.district,
        districtRole: me.user.districtRole,
        createdAt: me.user.createdAt.toISOString(),
      },
      notIncluded: NOT_INCLUDED,
      sections,
    },
    cardImages,
  };
}

function mdValue(value: Json): string {
  if (value === null) return '—';
  if (typeof value === 'string')
    return value.includes('\n') ? `\n\n${indent(mdBlock(value))}\n` : mdText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return mdText(JSON.stringify(value));
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

/** RIGHTS-EXPORT-2: the same content as the JSON file, to read, in the person's language (I18N-CONTENT-11). */
export function myDataToMarkdown(data: MyDataExport, language: Language = 'en'): string {
  const words = MY_DATA_WORDS[language];
  const lines = [
    `# ${words.title}`,
    '',
    `${mdText(data.person.name)} (${mdText(data.person.email)}), ${mdText(data.person.district)}.`,
    words.exported(data.exportedAt.replace('T', ' ').slice(0, 16), data.format, data.version),
    '',
    `## ${words.notIncludedTitle}`,
    '',
    // The JSON's notes are English (its versioned format); the readable copy says them in its language.
    ...(language === 'en' ? data.notIncluded : words.notIncluded).map((n) => `- ${mdText(n)}`),
  ];
  for (const section of MY_DATA_SECTIONS) {
    const rows = data.sections[section];
    lines.push('', `## ${words.sections[section]}`, '');
    if (rows.length === 0) {
      lines.push(words.nothing);
      continue;
    }
    rows.forEach((row, i) => {
      lines.push(`### ${i + 1}.`, '');
      for (const [key, value] of Object.entries(row)) lines.push(`- **${mdText(key)}**: ${mdValue(value)}`);
      lines.push('');
    });
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The zip a person downloads: my-data.json, my-data.md, README.txt and their cards' images. */
export function myDataZip(files: MyDataFiles, language: Language = 'en'): Uint8Array {
  const entries: Record<string, Uint8Array> = {
    'my-data.json': strToU8(JSON.stringify(files.json, null, 2)),
    'my-data.md': strToU8(myDataToMarkdown(files.json, language)),
  };
  for (const image of files.cardImages) entries[image.name] = image.bytes;
  return zipSync(entries, { level: 6 });
}
