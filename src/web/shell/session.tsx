import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '#contracts/auth';

const SignedInContext = createContext<Me | null>(null);

export function SignedInProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SignedInContext.Provider value={me}>{children}</SignedInContext.Provider>;
}

/** The signed-in person, for pages behind <RequireSession>; there it is never missing. */
export function useSignedInUser(): Me {
  const me = useContext(SignedInContext);
  if (!me) throw new Error('useSignedInUser is only available behind <RequireSession>');
  return me;
}

/** The signed-in person, or null on a page open to everyone (a meeting guest's view, DAY-FIRST). */
export function useOptionalSignedInUser(): Me | null {
  return useContext(SignedInContext);
}

/** Stands for this site's origin while resolving a path; never requested. */
const SITE = 'http://app.invalid';

/**
 * Where to go after signing in: only same-site paths, so a crafted ?next= cannot send people elsewhere
 * (WEB-NAV-2). The path is resolved as the browser would (`/./`, `..`, backslashes) and must stay on this
 * origin with a path that cannot be read as `//host` (`/.//evil.example` resolves to `//evil.example`).
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  let url: URL;
  try {
    url = new URL(next, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE || url.pathname.startsWith('//')) return fallback;
  return url.pathname + url.search + url.hash;
}
