import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { setLanguage, wantedLanguage } from './kits';
import { rememberLanguage, type Language } from './languages';

/**
 * I18N-PICK-1: once the signed-in person is known, the app follows the language they chose for their account (on
 * a device that showed another), and this device remembers it for the pages before signing in. No choice (null)
 * leaves the device's language as it is.
 */
export function useAccountLanguage(chosen: Language | null | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!chosen || chosen === wantedLanguage()) return;
    rememberLanguage(chosen);
    void setLanguage(chosen).then(() =>
      // What the server wrote in the former language (its messages, Ensemble's routines) is asked again.
      queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' }),
    );
  }, [chosen, queryClient]);
}
