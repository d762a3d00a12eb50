/**
 * Book studies (issue 14, BOOK-*): a district team's or a network cohort's (every entry is `anySpace`, ADR 0032).
 * The group's policy decides: whoever reads the group lists its studies; those who run it start a study, change
 * its sections and schedule sessions; its members read a study, write reflections and subscribe to its calendar.
 * A private reflection is its author's alone (BOOK-3).
 */
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Routine } from '#contracts/routine';
import { agendaOf } from '#core/routines/index';
import { instantToLocal, localToInstant } from '#core/schedule/index';
import { groupSubject, loadGroup, type GroupRow } from '../groups/queries';
import { conflict } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { loadMeeting } from '../meetings/queries';
import { scheduleGroupMeeting } from '../meetings/schedule';
import { presentWithSuggestion } from '../meetings/summary';
import type { Actor } from '../policy/actor';
import { authorize, can, type ReflectionSubject } from '../policy/policy';
import { resolveRoutine } from '../routines/queries';
import { cancelScheduledMeeting, teamTimeZone, updateScheduledMeeting } from '../schedule/queries';
import type { DbOrTx } from '../db/client';
import type { Services } from '../services';
import { chosenLanguageOf, mailLanguage } from '../mail/language';
import { renderBookStudyCalendar } from './calendar';
import { studyCalendar } from './feed';
import { presentDetail, presentList, presentReflection } from './presenter';
import {
  authorName,
  checkedIsbn,
  checkSections,
  insertReflection,
  insertStudy,
  loadReflection,
  loadSection,
  loadStudy,
  reflectionsFor,
  replaceSections,
  sectionsOf,
  setSectionMeeting,
  shareReflection,
  studiesOf,
  type SectionChange,
  type SectionRow,
  type StudyRow,
} from './queries';

/** `YYYY-MM-DDTHH:MM` in `zone` as an instant. */
const sessionInstant = (sessionAt: string, zone: string) =>
  localToInstant(sessionAt.slice(0, 10), sessionAt.slice(11, 16), zone);

export function registerBookStudyRoutes(app: FastifyInstance, s: Services) {
  const routineOf = (group: GroupRow, routineId: string) =>
    resolveRoutine(s.db, s.routines, group.districtId, group.id, routineId, undefined, { current: true });

  /** The study as the caller reads it: reflections only for the group's members, and only those they may read. */
  async function detail(db: DbOrTx, actor: Actor, study: StudyRow, group: GroupRow) {
    const member = can(actor, 'take-part', groupSubject(group));
    const timeZone = await teamTimeZone(db, group);
    return presentDetail(actor, {
      study,
      group,
      timeZone,
      today: instantToLocal(new Date(), timeZone).date,
      sections: await sectionsOf(db, study),
      reflections: member ? await reflectionsFor(db, study, actor.userId) : [],
      can: { manage: can(actor, 'run-meetings', groupSubject(group)), reflect: member },
    });
  }

  /**
   * BOOK-5: a kept section whose session moved, lost its time or changed routine carries it to its meeting while
   * nobody has opened it (the meeting code's own move and cancel); a meeting already held stays as it was.
   */
  async function carryToMeetings(
    tx: DbOrTx,
    actor: Actor,
    group: GroupRow,
    changes: readonly SectionChange[],
    routines: ReadonlyMap<string, Routine>,
  ) {
    const zone = await teamTimeZone(tx, group);
    for (const { before, after } of changes) {
      if (!before.meetingId) continue;
      const { meeting } = await loadMeeting(tx, actor, before.meetingId);
      if (meeting.status !== 'scheduled' || meeting.lastSeq > 0) continue;
      if (after.sessionAt === null || after.routineId === null) {
        await cancelScheduledMeeting(tx, meeting);
        continue;
      }
      const routine = routines.get(after.routineId);
      const moved = after.sessionAt !== before.sessionAt;
      const replanned = after.routineId !== before.routineId && routine;
      if (moved || replanned)
        await updateScheduledMeeting(tx, meeting, {
          ...(moved ? { scheduledFor: sessionInstant(after.sessionAt, zone).toISOString() } : {}),
          ...(replanned ? { agenda: agendaOf([routine]) } : {}),
        });
    }
  }

  registerEndpoint(app, api.listBookStudies, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    return presentList(
      await studiesOf(s.db, group, await teamTimeZone(s.db, group)),
      can(actor, 'run-meetings', groupSubject(group)),
    );
  });

  registerEndpoint(app, api.createBookStudy, async ({ actor, params, body }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(group));
    checkedIsbn(body.isbn);
    const { sections } = await checkSections(s.db, s.routines, group, body.sections);
    return s.db.transaction(async (tx) => {
      const study = await insertStudy(tx, actor, group, body, sections);
      return detail(tx, actor, study, group);
    });
  });

  registerEndpoint(app, api.getBookStudy, async ({ actor, params }) => {
    const { study, group } = await loadStudy(s.db, actor, params.studyId);
    authorize(actor, 'take-part', groupSubject(group));
    return detail(s.db, actor, study, group);
  });

  registerEndpoint(app, api.replaceBookSections, async ({ actor, params, body }) => {
    const { study, group } = await loadStudy(s.db, actor, params.studyId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const { sections, routines } = await checkSections(s.db, s.routines, group, body.sections);
    return s.db.transaction(async (tx) => {
      const changes = await replaceSections(tx, study, sections);
      await carryToMeetings(tx, actor, group, changes, routines);
      const fresh = await loadStudy(tx, actor, study.id);
      return detail(tx, actor, fresh.study, group);
    });
  });

  registerEndpoint(app, api.writeBookReflection, async ({ actor, params, body }) => {
    const { study, group } = await loadStudy(s.db, actor, params.studyId);
    authorize(actor, 'take-part', groupSubject(group));
    const section = await loadSection(s.db, study, params.sectionId);
    const row = await insertReflection(s.db, actor, section, body);
    return presentReflection(actor, row, await authorName(s.db, actor.districtId, actor.userId));
  });

  registerEndpoint(app, api.shareBookReflection, async ({ actor, params }) => {
    const { reflection, group } = await loadReflection(s.db, actor, params.reflectionId);
    // Someone else's reflection is not found, whoever asks (BOOK-3); sharing takes membership of the group.
    const subject: ReflectionSubject = {
      kind: 'reflection',
      id: reflection.id,
      districtId: reflection.districtId,
      authorId: reflection.authorId,
      group: groupSubject(group),
    };
    authorize(actor, 'share', subject);
    const row = await shareReflection(s.db, reflection);
    return presentReflection(actor, row, await authorName(s.db, actor.districtId, actor.userId));
  });

  registerEndpoint(app, api.scheduleBookSession, async ({ actor, params }) => {
    const { study, group } = await loadStudy(s.db, actor, params.studyId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const meeting = await s.db.transaction(async (tx) => {
      const section: SectionRow = await loadSection(tx, study, params.sectionId, true);
      if (section.sessionAt === null || section.routineId === null)
        throw conflict('Give the section a session time and a routine first.', [
          {
            path: section.sessionAt === null ? 'sessionAt' : 'routineId',
            message: 'Not set for this section',
          },
        ]);
      if (section.meetingId) {
        const { meeting: existing } = await loadMeeting(tx, actor, section.meetingId);
        if (existing.status !== 'cancelled') throw conflict("This section's session is already scheduled.");
      }
      const routine = await routineOf(group, section.routineId);
      if (!routine) throw conflict("The section's routine no longer exists: choose another.");
      const row = await scheduleGroupMeeting(tx, actor, group, {
        title: `${study.title}: ${section.title}`.slice(0, 160),
        scheduledFor: sessionInstant(section.sessionAt, await teamTimeZone(tx, group)),
        routines: [routine],
      });
      await setSectionMeeting(tx, section, row.id);
      return row;
    });
    return presentWithSuggestion(s.db, meeting, group, actor, s.config.publicUrl ?? null);
  });

  registerEndpoint(app, api.bookStudyCalendar, async ({ actor, params, req }) => {
    const { study, group } = await loadStudy(s.db, actor, params.studyId);
    authorize(actor, 'take-part', groupSubject(group));
    // I18N-CAL-2: a download from the app: the person's choice, else the asking tab's language.
    const language = mailLanguage(await chosenLanguageOf(s.db, actor.districtId, actor.userId), req);
    return renderBookStudyCalendar(await studyCalendar(s, study, group, language), language);
  });
}
