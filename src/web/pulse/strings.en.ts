/** English strings of the meeting pulse (namespace `pulse`, see i18n.ts; MEASURE-PULSE-5, MEASURE-PULSE-6). */
export const pulseStrings = {
  card: {
    title_one: 'How was this meeting? {{count}} quick question, anonymous',
    title_other: 'How was this meeting? {{count}} quick questions, anonymous',
    promise:
      'Your answers are stored with no link to you. The team sees results only pooled over at least {{threshold}} answers, across meetings if needed.',
    closes: 'Open until {{time}}.',
    submit: 'Send my answers',
    thanksTitle: 'Thank you',
    thanks:
      'Your answers are in, with no link to you. They show on the team’s page once at least {{threshold}} answers have come in.',
    announce: 'Thank you: your answers to the meeting pulse are in.',
    answered: 'You answered this meeting’s pulse. Thank you.',
  },
  trend: {
    title: 'Meeting pulse',
    intro:
      'From the anonymous questions after each meeting: the mean answer from 1 ({{low}}) to {{points}} ({{high}}). Meetings are pooled so that every number stands for at least {{threshold}} answers.',
    none: 'The pulse appears here once at least {{threshold}} answers have come in, pooled across meetings so nobody’s answer stands out.',
    pending_one: '{{count}} recent meeting is still gathering answers.',
    pending_other: '{{count}} recent meetings are still gathering answers.',
    questionText: 'Question {{n}}: {{text}}',
    legend: 'Questions',
    chartTitle: 'Meeting pulse: the mean answer per period',
    chartPeriod: '{{dates}}, {{answers}} answers: {{means}}.',
    chartMean: 'question {{n}} {{mean}}',
    tableCaption:
      'Meeting pulse per period, newest first: each question’s mean and its 95% interval (the chart’s data)',
    period: 'Meetings',
    counts: '({{meetings}}, {{answers}})',
    meetingsCount_one: '{{count}} meeting',
    meetingsCount_other: '{{count}} meetings',
    answersCount_one: '{{count}} answer',
    answersCount_other: '{{count}} answers',
    mean: 'Question {{n}}',
    interval: '({{low}}–{{high}})',
  },
} as const;
