/** The strings of sharing beyond the team (namespace `sharing`, registered by i18n.ts). */
export const sharingStrings = {
  review: {
    pageTitle: 'Share beyond the team',
    networkPageTitle: 'Share with the network',
    documentTitle: 'Share {{title}}',
    backToTeam: 'Back to {{team}}',
    intro:
      'What you see below is exactly what others will read. Edit it until it names no student and nothing that identifies anyone.',
    notShareable: 'Only a success or a resolved dilemma can be shared beyond the team.',
    fields: {
      title: 'Title',
      story: 'The story',
      evidence: 'Evidence of student growth',
      whatWorked: 'What made it work',
      insight: 'Insight',
      tried: 'What was tried',
      resolution: 'How it was resolved',
      tags: {
        grade: 'Grade',
        subject: 'Subject',
        strategy: 'Strategy',
        studentGroup: 'Student group',
      },
    },
    editHeading: 'Edit the copy',
    previewHeading: 'What others will see',
    flagsHeading: 'Check these before sharing',
    flagsNone: 'Nothing here looks like a name or an identifying detail. Read it once more all the same.',
    flagsChecking: 'Checking…',
    flagMarker: '(check this)',
    flag: '“{{text}}” {{reason}} ({{field}})',
    reasons: {
      'known-name': 'is the name of someone in the district',
      capitalized: 'looks like a name',
      initials: 'looks like initials',
      age: 'looks like an age',
      'id-number': 'looks like an ID number',
      'grade-with-name': 'looks like a grade given to a named student',
      date: 'looks like a date',
      email: 'is an email address',
      phone: 'is a phone number',
    },
    /** SHARE-NET-3: in a network the known names are its members' shown names. */
    networkKnownName: 'is the name of a member of the network',
    scope: 'Share with',
    scopeSchool: 'The people of {{school}}',
    scopeDistrict: 'Everyone in the district',
    /** SHARE-NET-WEB-1: in a network there is no choice to make. */
    networkAudienceHeading: 'Who will read it',
    networkAudience:
      'Everyone in {{network}} will read it: every member of the network, in this cohort or not. Your district does not see it, and neither does anyone outside the network.',
    consent: 'I agree to share this copy beyond the team. I can withdraw it at any time.',
    networkConsent: 'I agree to share this copy with the network. I can withdraw it at any time.',
    authorWillBeAsked: '{{name}} wrote this record: they will be asked to agree before it is shared.',
    teamWillBeAsked:
      'This record comes from a team meeting: a facilitator of the team (or, if the author is the only facilitator, another member) must also agree.',
    submit: 'Share',
    propose: 'Propose sharing',
    proposedToast: 'Proposed. It is shared once everyone needed has agreed.',
    sharedToast: 'Shared. Others can read this copy now.',
    status: {
      'awaiting-author': 'Waiting for the author, {{author}}, to agree.',
      'awaiting-team': 'Waiting for the team to agree.',
      shared: 'Shared with {{scope}} since {{date}}.',
    },
    scopeShort: { school: '{{school}}', district: 'the district', network: 'everyone in {{network}}' },
    consentAsAuthor: 'I agree to share it',
    consentAsTeam: 'Agree for the team',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdraw this shared copy?',
    withdrawBody: 'The copy disappears everywhere at once. The team keeps its own record.',
    withdrawnToast: 'Withdrawn. The copy is gone everywhere.',
    teamRecord: 'Back to the record',
  },
  pending: {
    heading: 'Waiting for consent to share',
    awaitingAuthor: 'Waiting for its author to agree.',
    item: '{{title}} — proposed by {{name}}',
    review: 'Review {{title}}',
    agreeAuthor: 'Agree to share {{title}}',
    agreeTeam: 'Agree for the team to share {{title}}',
    agreedToast: 'Thank you: your agreement is recorded.',
  },
  button: {
    share: 'Share beyond the team',
    shareNetwork: 'Share with the network',
  },
  library: {
    pageTitle: 'Shared by teams',
    intro:
      'Successes and resolved dilemmas that teams chose to share with their school or the district. Teams’ own records stay with them.',
    empty: 'Nothing has been shared with you yet.',
    emptyBody:
      'When a team shares a success or a resolved dilemma with your school or the district, it appears here.',
    kind: { success: 'Success', dilemma: 'Resolved dilemma' },
    scope: { school: 'Shared with the school', district: 'Shared with the district' },
    by: '{{team}}',
    bySchool: '{{team}}, {{school}}',
    sharedOn: 'Shared {{date}}',
    back: 'Back to everything shared',
    tags: 'Tags',
    /** SHARE-NET-WEB-1: the network library. */
    network: {
      pageTitle: 'Network library',
      intro:
        'Successes and resolved dilemmas that members chose to share with {{network}}, newest first. Nobody outside the network reads them.',
      empty: 'Nothing has been shared with the network yet.',
      emptyBody:
        'When a member shares a success or a resolved dilemma of a cohort with the network, it appears here.',
      scope: 'Shared with the network',
      back: 'Back to the network library',
    },
  },
  /** SHARE-HELPED-WEB-1: "this helped me", with how many it helped in words (never who, never a ranking). */
  helped: {
    button: 'This helped me',
    count_zero: 'No one has said it helped them yet',
    count_one: 'Helped {{count}} person',
    count_other: 'Helped {{count}} people',
    marked: 'Marked as helpful to you. {{count}}',
    unmarked: 'No longer marked as helpful to you. {{count}}',
  },
} as const;
