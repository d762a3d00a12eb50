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

/** Where to go after signing in: only same-site paths, so a crafted ?next= cannot send people elsewhere. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
