import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { claimNavigationFocus } from '../shell/navigationFocus';

/** Like the app's <Page>: after a client-side navigation, focus lands on this page's <h1>. */
export function useNavigationFocus(headingRef: RefObject<HTMLHeadingElement | null>): void {
  const { key } = useLocation();
  useEffect(() => {
    if (claimNavigationFocus(key)) headingRef.current?.focus();
  }, [key, headingRef]);
}
