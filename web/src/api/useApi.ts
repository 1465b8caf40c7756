import { useCallback, useEffect, useState } from 'react';
import { api, isAbort, type Query } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  /** True until the answer for the current path and query has arrived (or failed). */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: unknown;
}

/**
 * GETs `path` with `query` whenever either changes, cancelling the previous request.
 * `path` null means "nothing to load yet". Data from the previous query stays visible while the next loads.
 */
export function useApiGet<T>(
  path: string | null,
  query?: Query,
  options: { authRedirect?: boolean } = {},
): ApiState<T> {
  const [attempt, setAttempt] = useState(0);
  const key = path === null ? '' : `${path}?${JSON.stringify(query ?? {})}#${attempt}`;
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: undefined, error: undefined });
  const authRedirect = options.authRedirect;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api
      .get<T>(path, { query, signal: controller.signal, authRedirect })
      .then(
        (data) => setSettled({ key, data, error: undefined }),
        (error: unknown) => {
          if (!isAbort(error)) setSettled((previous) => ({ key, data: previous.data, error }));
        },
      )
      .catch(() => undefined);
    return () => controller.abort();
    // `key` covers path, query and attempt; `query` itself is a new object on every render.
  }, [key]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = settled.key === key;
  return {
    data: settled.data,
    error: current ? settled.error : undefined,
    loading: path !== null && !current,
    reload,
  };
}
