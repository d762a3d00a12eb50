import { useCallback } from 'react';
import { useToast } from '../shell/Toaster';

/**
 * Copies a text to the clipboard and says so in a toast. Clipboard access is refused on plain http and in
 * some kiosk browsers: then the `failed` message is shown instead (the text is on screen to select by hand).
 */
export function useCopy(): (text: string, messages: { copied: string; failed: string }) => Promise<void> {
  const toast = useToast();
  return useCallback(
    async (text, messages) => {
      try {
        await navigator.clipboard.writeText(text);
        toast(messages.copied);
      } catch {
        toast(messages.failed, 'info');
      }
    },
    [toast],
  );
}
