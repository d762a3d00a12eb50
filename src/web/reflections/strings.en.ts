/** The strings of My reflections (namespace `reflections`, registered by i18n.ts). */
export const reflectionsStrings = {
  title: 'My reflections',
  intro:
    'The private reflections you wrote in meetings, to reread when you need them. Only you can see them; nothing is shared unless you choose to.',
  loading: 'Loading your reflections…',
  empty: {
    title: 'No reflections yet',
    body: 'In a meeting, write in the "My private reflection" box. What you write is kept here, for you alone.',
  },
  emptyTeam: 'You have no reflections from meetings of this team.',
  filter: {
    label: 'Team',
    all: 'All teams',
  },
  download: {
    title: 'Download',
    markdown: 'Download Markdown',
    csv: 'Download CSV',
    hint: 'For your own records. The files hold your private writing: keep them somewhere private.',
  },
  count_one: '{{count}} reflection',
  count_other: '{{count}} reflections',
  meeting: {
    heading: '{{title}}',
    meta: '{{team}} · {{date}}',
    metaNoDate: '{{team}}',
    minutes: 'Minutes',
    minutesLabel: 'Minutes of {{title}}',
    live: 'This meeting is still going.',
  },
  item: {
    step: '{{step}} · {{routine}}',
    written: 'Written {{when}}',
    private: 'Private: only you can see it',
    shared: 'Shared with the team on {{date}}',
    sharedAfter: 'Shared with the team on {{date}}, after the meeting',
    changedSinceShared: 'You changed it after sharing; the team sees the earlier version.',
    share: 'Share with the team',
    shareLabel: 'Share with the team: your reflection from {{step}}',
    shareTitle: 'Share this reflection with the team?',
    shareBody:
      'Everyone in {{team}} will be able to read it in the minutes of "{{meeting}}", with your name. You cannot take it back.',
    shareConfirm: 'Share with the team',
    sharedDone: 'Shared. It is now in the minutes.',
    cannotShare: 'Only members of the team that held the meeting can share to it.',
  },
  pages: {
    label: 'Pages',
    previous: 'Newer',
    next: 'Older',
    status: 'Page {{page}} of {{pages}}',
  },
} as const;
