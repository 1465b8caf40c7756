import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

declare global {
  interface Window {
    /**
     * True once the current page's initial data has loaded (or failed to): browser tests wait for it
     * instead of for the network. It reads false while the address shows a page not yet on screen.
     */
    __SETU_READY__?: boolean;
  }
}

const flag = { ready: false, path: '' };
const here = () => `${window.location.pathname}${window.location.search}`;

// A getter, so that right after a navigation (address changed, new page not rendered yet) the flag
// of the previous page does not count.
Object.defineProperty(window, '__SETU_READY__', {
  configurable: true,
  get: () => flag.ready && flag.path === here(),
  set: (value: unknown) => {
    flag.ready = Boolean(value);
  },
});

interface ReadyValue {
  /** `path` is the address the page rendered for, so a report from a page being left never counts. */
  setReady: (ready: boolean, path: string) => void;
}

const ReadyContext = createContext<ReadyValue>({ setReady: () => undefined });

/**
 * Holds the "page is ready" flag of a layout, which puts it on its <main> element as `data-ready`
 * and mirrors it to `window.__SETU_READY__`.
 */
export function useReadyState(): [boolean, (children: ReactNode) => ReactNode] {
  const [state, setState] = useState({ ready: false, path: '' });
  const location = useLocation();
  const setReady = useCallback((ready: boolean, path: string) => setState({ ready, path }), []);
  useEffect(() => {
    flag.ready = state.ready;
    flag.path = state.path;
  }, [state]);
  const ready = state.ready && state.path === `${location.pathname}${location.search}`;
  useEffect(
    () => () => {
      flag.ready = false;
    },
    [],
  );
  const provide = useCallback(
    (children: ReactNode) => <ReadyContext.Provider value={{ setReady }}>{children}</ReadyContext.Provider>,
    [setReady],
  );
  return [ready, provide];
}

/**
 * Every page calls this: sets the document title and reports when its initial data has settled
 * (loaded or failed), so tests can wait for `window.__SETU_READY__` rather than for the network.
 */
export function usePage(title: string, settled: boolean): void {
  const { setReady } = useContext(ReadyContext);
  const { t } = useTranslation();
  const location = useLocation();
  const path = `${location.pathname}${location.search}`;
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    setReady(settled, path);
    return () => setReady(false, path);
  }, [setReady, settled, path]);
}
