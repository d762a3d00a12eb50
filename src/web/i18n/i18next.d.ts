import type { adminStrings } from '../admin/strings.en';
import type { en } from './en';

// Typed keys: `t('team.invite.sent')` is checked at compile time against the English resource. The admin
// strings load with the admin pages (admin/i18n.ts) but are keys of the same namespace.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & { admin: typeof adminStrings } };
  }
}
