/** The catalogue's next steps across meetings, the reminder and the weekly digest (issue 12, ADR 0020); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { z } from './zod';
import {
  CompleteNextStep,
  DigestSettings,
  NextStepItem,
  NextStepsPage,
  NextStepsQuery,
  NextStepsReminder,
  NextStepsReminderQuery,
  UpdateDigestSettings,
} from './next-steps';
import { e, type Endpoint } from './endpoint';

export const nextStepsApi = {
  // Next steps across meetings, the reminder and the weekly digest (issue 12, ADR 0020).
  myNextSteps: e({
    method: 'GET',
    path: '/api/me/next-steps',
    auth: 'session',
    query: NextStepsQuery,
    response: NextStepsPage,
    summary: "The next steps of the signed-in person's teams (active memberships), each marked mine or not",
    tag: 'next-steps',
  }),
  myNextStepsReminder: e({
    method: 'GET',
    path: '/api/me/next-steps/reminder',
    auth: 'session',
    query: NextStepsReminderQuery,
    response: NextStepsReminder,
    summary: 'How many of my open next steps are overdue or due within 7 days (the in-app reminder)',
    tag: 'next-steps',
  }),
  teamNextSteps: e({
    method: 'GET',
    path: '/api/groups/:groupId/next-steps',
    auth: 'session',
    query: NextStepsQuery,
    response: NextStepsPage,
    summary: "A team's next steps from its meetings (the team's members only)",
    tag: 'next-steps',
  }),
  teamNextStepsCsv: e({
    method: 'GET',
    path: '/api/groups/:groupId/next-steps.csv',
    auth: 'session',
    query: NextStepsQuery,
    response: z.string(),
    produces: 'text/csv',
    summary: "A team's next steps as CSV (RFC 4180, spreadsheet-safe; the team's members only)",
    tag: 'next-steps',
  }),
  completeNextStep: e({
    method: 'POST',
    path: '/api/meetings/:meetingId/next-steps/:itemId/complete',
    auth: 'session',
    body: CompleteNextStep,
    response: NextStepItem,
    summary:
      'Mark a next step done with what happened, outside the meeting (the meeting command completeActionItem)',
    tag: 'next-steps',
  }),
  myDigest: e({
    method: 'GET',
    path: '/api/me/digest',
    auth: 'session',
    response: DigestSettings,
    summary: 'Whether I receive the weekly email digest of my next steps',
    tag: 'next-steps',
  }),
  updateMyDigest: e({
    method: 'PUT',
    path: '/api/me/digest',
    auth: 'session',
    body: UpdateDigestSettings,
    response: DigestSettings,
    summary: 'Turn the weekly email digest of my next steps on or off',
    tag: 'next-steps',
  }),
  digestUnsubscribePage: e({
    method: 'GET',
    path: '/api/digest/unsubscribe/:token',
    auth: 'public',
    response: z.string(),
    produces: 'text/html',
    summary: 'The page a digest’s unsubscribe link opens: asks to confirm (a GET changes nothing)',
    tag: 'next-steps',
  }),
  digestUnsubscribe: e({
    method: 'POST',
    path: '/api/digest/unsubscribe/:token',
    auth: 'public',
    response: z.string(),
    produces: 'text/html',
    summary:
      'One-click unsubscribe from the weekly digest (RFC 8058, List-Unsubscribe=One-Click), no sign-in needed',
    tag: 'next-steps',
  }),
} as const satisfies Record<string, Endpoint>;
