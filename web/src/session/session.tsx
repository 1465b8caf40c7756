import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';

interface SessionValue {
  /** undefined: not checked yet; null: not signed in. */
  me: Me | null | undefined;
  /** Error from the last "who am I" check, other than "not signed in" (server down, …). */
  error: unknown;
  setMe: (me: Me | null) => void;
  /** Why the session ended (e.g. `session_expired`), for the login page to say; set by {@link expire}. */
  endReason: string | undefined;
  /** The server says the session is gone: forget it; the signed-in pages then send the user to sign in. */
  expire: (reason: string) => void;
  /** Asks the server who is signed in, once; `force` asks again. */
  check: (force?: boolean) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [endReason, setEndReason] = useState<string | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const known = useRef(false);

  const setMe = useCallback((value: Me | null) => {
    known.current = true;
    setError(undefined);
    setEndReason(undefined);
    setMeState(value);
  }, []);

  const expire = useCallback((reason: string) => {
    known.current = true;
    setEndReason(reason);
    setMeState(null);
  }, []);

  const check = useCallback((force = false) => {
    if (inFlight.current || (known.current && !force)) return;
    setError(undefined);
    if (force) setMeState(undefined);
    inFlight.current = api
      .get<Me>('/api/auth/me', { authRedirect: false })
      .then(
        (value) => {
          known.current = true;
          setMeState(value);
        },
        (failure: unknown) => {
          if (failure instanceof ApiError && failure.status === 401) {
            known.current = true;
            setMeState(null);
          } else {
            setError(failure);
          }
        },
      )
      .finally(() => {
        inFlight.current = null;
      });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { authRedirect: false });
    } catch {
      // Signed out already (expired) or the server is unreachable: forget the session here anyway.
    }
    known.current = true;
    setEndReason('signed_out');
    setMeState(null);
  }, []);

  const value = useMemo(
    () => ({ me, error, setMe, endReason, expire, check, signOut }),
    [me, error, setMe, endReason, expire, check, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** A path inside the app to go back to after signing in; anything else (other sites, odd paths) is ignored. */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login')) return '/';
  return value;
}

/** A 401 that means there is no session any more (as opposed to a wrong code or password). */
export function needsSignIn(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 401 &&
    (error.code === 'unauthenticated' || error.code === 'session_expired')
  );
}
