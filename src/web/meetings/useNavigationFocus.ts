import { useEffect, type RefObject } from 'react';
import { useCurrentLocation } from '../shell/navigation';
import { claimNavigationFocus } from '../shell/navigationFocus';

/** Like the app's <Page>: after a client-side navigation, focus lands on this page's <h1>. */
export function useNavigationFocus(headingRef: RefObject<HTMLHeadingElement | null>): void {
  const { key } = useCurrentLocation();
  useEffect(() => {
    if (claimNavigationFocus(key)) headingRef.current?.focus();
  }, [key, headingRef]);
}
