/**
 * English strings of the development outbox page (keys `outbox.*` of the default namespace).
 * They load with those pages, not with every page (DAY-PERF-5): `./i18n.ts` adds them to the running i18next
 * (`i18n/page-strings.ts`). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const outboxStrings = {
  outbox: {
    title: 'Outbox',
    intro:
      'Emails that Ensemble would have sent. They are kept here because no mail server is set up. Only this computer can see this page.',
    empty: 'No emails yet.',
    to: 'To: {{to}}',
    sent: 'Sent {{date}}',
    refresh: 'Refresh',
    unavailable:
      'The outbox is only available on the computer that runs Ensemble, when no mail server is set up.',
  },
} as const;
