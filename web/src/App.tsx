import { MantineProvider } from '@mantine/core';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { loginPath, setAuthProblemHandler } from './api/client';
import {
  AUDIT_PAGE_ROLES,
  CASE_READER_ROLES,
  CASE_WRITER_ROLES,
  hasRole,
  USERS_PAGE_ROLES,
  type Role,
} from './api/types';
import { ErrorNotice, PageLoader } from './components/feedback';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { usePage } from './components/PageReady';
import { PublicLayout } from './layout/PublicLayout';
import { SessionProvider, useSession } from './session/session';
import { cssVariablesResolver, theme } from './theme';
import { useTranslation } from 'react-i18next';

// Every page is its own chunk: the first visit downloads the shell and the login page only.
const AppLayout = lazy(() => import('./layout/AppLayout'));
const LoginPage = lazy(() => import('./pages/LoginPage'));
const MfaPage = lazy(() => import('./pages/MfaPage'));
const MfaEnrolPage = lazy(() => import('./pages/MfaEnrolPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const UnitsPage = lazy(() => import('./pages/UnitsPage'));
const PlacesPage = lazy(() => import('./pages/PlacesPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const AboutPage = lazy(() => import('./pages/AboutPage'));
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage'));
const CasePage = lazy(() => import('./pages/cases/CasePage'));
const CaseFormPage = lazy(() => import('./pages/cases/form/CaseFormPage'));
const PersonPage = lazy(() => import('./pages/persons/PersonPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const ForbiddenPage = lazy(() => import('./pages/ForbiddenPage'));

/** Sends the user to sign in (or to the second factor) when any API call says the session is gone. */
function AuthProblemBridge() {
  const navigate = useNavigate();
  const { expire } = useSession();
  useEffect(
    () =>
      setAuthProblemHandler((problem) => {
        const here = `${window.location.pathname}${window.location.search}`;
        if (window.location.pathname.startsWith('/login')) return;
        if (problem === 'mfa_required' || problem === 'mfa_enrolment_required') {
          const page = problem === 'mfa_required' ? '/login/mfa' : '/login/enrol';
          void navigate(`${page}?next=${encodeURIComponent(here)}`, { replace: true });
          return;
        }
        // The signed-in pages see the session gone and send the user to sign in, saying why.
        expire(problem);
      }),
    [navigate, expire],
  );
  return null;
}

function SessionCheckFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  usePage(t('errors.title'), true);
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

/** Signed-in pages: checks the session once, then shows the app frame; otherwise to the login page. */
function RequireSession({ publicFallback }: { publicFallback?: ReactNode }) {
  const { me, error, check, endReason } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (me === undefined) check();
  }, [me, check]);
  const here = `${location.pathname}${location.search}`;
  if (me === undefined) {
    if (error !== undefined) {
      return (
        <PublicLayout>
          <SessionCheckFailed error={error} onRetry={() => check(true)} />
        </PublicLayout>
      );
    }
    return <PageLoader />;
  }
  if (me === null || !me.mfaPassed) {
    if (publicFallback) return <PublicLayout>{publicFallback}</PublicLayout>;
    if (me === null) {
      // After signing out, the next person to sign in starts at the home page.
      return <Navigate to={loginPath(endReason, endReason === 'signed_out' ? undefined : here)} replace />;
    }
    const page = me.mfaEnrolled ? '/login/mfa' : '/login/enrol';
    return <Navigate to={`${page}?next=${encodeURIComponent(here)}`} replace />;
  }
  return (
    <Suspense fallback={<PageLoader />}>
      <AppLayout me={me} />
    </Suspense>
  );
}

function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { me } = useSession();
  return hasRole(me, roles) ? <Outlet /> : <ForbiddenPage />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <SessionProvider>
        <BrowserRouter>
          <AuthProblemBridge />
          {/* Last resort (e.g. the app frame's own code failed to load); pages have their own. */}
          <PageErrorBoundary>
            <Routes>
              <Route element={<PublicLayout />}>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/login/mfa" element={<MfaPage />} />
                <Route path="/login/enrol" element={<MfaEnrolPage />} />
              </Route>
              {/* About is public: inside the app frame when signed in, the public frame otherwise. */}
              <Route element={<RequireSession publicFallback={<AboutPage />} />}>
                <Route path="/about" element={<AboutPage />} />
              </Route>
              <Route element={<RequireSession />}>
                <Route index element={<HomePage />} />
                <Route path="/units" element={<UnitsPage />} />
                <Route path="/places" element={<PlacesPage />} />
                <Route element={<RequireRole roles={USERS_PAGE_ROLES} />}>
                  <Route path="/users" element={<UsersPage />} />
                </Route>
                <Route element={<RequireRole roles={CASE_READER_ROLES} />}>
                  <Route path="/cases" element={<CaseListPage />} />
                  <Route path="/cases/:id" element={<CasePage />} />
                  <Route path="/persons/:id" element={<PersonPage />} />
                </Route>
                <Route element={<RequireRole roles={CASE_WRITER_ROLES} />}>
                  <Route path="/cases/new" element={<CaseFormPage />} />
                  <Route path="/cases/:id/edit" element={<CaseFormPage />} />
                </Route>
                <Route element={<RequireRole roles={AUDIT_PAGE_ROLES} />}>
                  <Route path="/audit" element={<AuditPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </PageErrorBoundary>
        </BrowserRouter>
      </SessionProvider>
    </MantineProvider>
  );
}
