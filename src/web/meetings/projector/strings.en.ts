/**
 * English strings of the projector view (keys `projector.*` of the `meetings` namespace). They load with that
 * page, not with the device page (DAY-PERF-5): the page adds them with `addMeetingsStrings` (`../i18n.ts`).
 */
export const projectorStrings = {
  projector: {
    documentTitle: 'Projector · {{meeting}}',
    joinTitle: 'Join on your device',
    qrLabel: 'QR code to join this meeting: {{url}}',
    orGoTo: 'Or go to',
    andTypeCode: 'and type the code.',
    codeLabel: 'Meeting code: {{code}}',
    currentPrompt: 'Prompts',
    startingSoon: 'Starting soon',
    thanks: 'Thank you, everyone.',
    minutesReady: 'The minutes are ready in Ensemble.',
    pause: 'Pause',
    resume: 'Resume',
    teamWork: 'The team’s work',
    earlier_one: 'and {{count}} earlier',
    earlier_other: 'and {{count}} earlier',
  },
};
