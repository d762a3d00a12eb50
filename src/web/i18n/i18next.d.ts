import type { accountStrings } from '../account/strings.en';
import type { adminStrings } from '../admin/strings.en';
import type { passwordStrings } from '../auth/strings.en';
import type { signInStrings } from '../auth/sign-in-strings.en';
import type { demoStrings } from '../demo/strings.en';
import type { outboxStrings } from '../dev/strings.en';
import type { invitationStrings } from '../invitations/strings.en';
import type { joinStrings } from '../join/strings.en';
import type { setupStrings } from '../setup/strings.en';
import type { offlineStrings } from '../shell/offline-strings.en';
import type { ssoStrings } from '../sso/strings.en';
import type { teamsStrings } from '../teams/strings.en';
import type { en } from './en';
import type { focusAreaStrings } from './focus-areas.en';
import type { groupKindStrings } from './group-kinds.en';

/**
 * The strings that load with their pages (DAY-PERF-5: `admin/i18n.ts`, `i18n/page-strings.ts`): keys of the
 * same default namespace as `en`.
 */
type PageStrings = { admin: typeof adminStrings } & { sso: typeof ssoStrings } & typeof accountStrings &
  typeof passwordStrings &
  typeof signInStrings &
  typeof demoStrings &
  typeof outboxStrings &
  typeof invitationStrings &
  typeof joinStrings &
  typeof setupStrings &
  typeof offlineStrings &
  typeof teamsStrings &
  typeof focusAreaStrings &
  typeof groupKindStrings;

// Typed keys: `t('team.invite.sent')` is checked at compile time against the English resource.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & PageStrings };
  }
}
