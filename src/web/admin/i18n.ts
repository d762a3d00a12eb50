/**
 * Imported by each admin page: adds the admin strings (`admin.*`) to the default namespace of the running
 * i18next, so the first chunk every page loads does not carry them (DAY-PERF-1). Pages load after i18next
 * starts; anything that imports this earlier (a test) gets the strings when it starts.
 */
import i18next from 'i18next';
import { defaultLanguage } from '../i18n/resources';
import { adminStrings } from './strings.en';

function addAdminStrings(): void {
  i18next.addResourceBundle(defaultLanguage, 'translation', { admin: adminStrings }, true, false);
}

if (i18next.isInitialized) addAdminStrings();
else i18next.on('initialized', addAdminStrings);
