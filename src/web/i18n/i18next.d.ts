import type { en } from './en';

// Typed keys: `t('team.invite.sent')` is checked at compile time against the English resource.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
