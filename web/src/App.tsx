import { MantineProvider } from '@mantine/core';
import { LINKAGE_REVIEWER_ROLES } from './api/linkage';
import { ANALYTICS_ROLES } from './api/analytics';
import { CARE_READER_ROLES, TRACING_READER_ROLES } from './api/restoration';
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
import {
  LOOKOUT_RAISER_ROLES,
  MEETING_READER_ROLES,
  REQUEST_READER_ROLES,
  REQUEST_WRITER_ROLES,
} from './api/channel';
import { ErrorNotice, PageLoader } from './components/feedback';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { usePage } from './components/PageReady';
import { AHTU_READERS, TRAINING_READERS } from './api/capacity';
import {
  CAMPAIGN_READER_ROLES,
  CONFERENCE_PROPOSER_ROLES,
  CONFERENCE_READER_ROLES,
  PRACTICE_SUBMITTER_ROLES,
  TIP_READER_ROLES,
} from './api/coordination';
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
const RequestListPage = lazy(() => import('./pages/channel/RequestListPage'));
const RequestFormPage = lazy(() => import('./pages/channel/RequestFormPage'));
const RequestPage = lazy(() => import('./pages/channel/RequestPage'));
const RequestStatsPage = lazy(() => import('./pages/channel/RequestStatsPage'));
const AlertListPage = lazy(() => import('./pages/channel/AlertListPage'));
const AlertPage = lazy(() => import('./pages/channel/AlertPage'));
const LookoutFormPage = lazy(() => import('./pages/channel/LookoutFormPage'));
const InboxPage = lazy(() => import('./pages/channel/InboxPage'));
const MeetingListPage = lazy(() => import('./pages/channel/MeetingListPage'));
const MeetingPage = lazy(() => import('./pages/channel/MeetingPage'));
const ReviewQueuePage = lazy(() => import('./pages/linkage/ReviewQueuePage'));
const CandidatePage = lazy(() => import('./pages/linkage/CandidatePage'));
const AnalyticsDashboardPage = lazy(() => import('./pages/analytics/AnalyticsDashboardPage'));
const DistrictMapPage = lazy(() => import('./pages/analytics/DistrictMapPage'));
const DistrictProfilePage = lazy(() => import('./pages/analytics/DistrictProfilePage'));
const MissingListPage = lazy(() => import('./pages/restoration/MissingListPage'));
const FoundListPage = lazy(() => import('./pages/restoration/FoundListPage'));
const RecordPage = lazy(() => import('./pages/restoration/RecordPage'));
const TracingCandidatesPage = lazy(() => import('./pages/restoration/CandidatesPage'));
const RestorationPage = lazy(() => import('./pages/restoration/RestorationPage'));
const RestorationListPage = lazy(() =>
  import('./pages/restoration/RestorationPage').then((m) => ({ default: m.RestorationListPage })),
);
const DrivesPage = lazy(() => import('./pages/restoration/DrivesPage'));
const DriveDashboardPage = lazy(() =>
  import('./pages/restoration/DrivesPage').then((m) => ({ default: m.DriveDashboardPage })),
);
const CarePlansPage = lazy(() => import('./pages/restoration/CarePage'));
const CarePlanPage = lazy(() =>
  import('./pages/restoration/CarePage').then((m) => ({ default: m.CarePlanPage })),
);
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const ForbiddenPage = lazy(() => import('./pages/ForbiddenPage'));
const AhtuRegistryPage = lazy(() => import('./pages/capacity/AhtuRegistryPage'));
const AhtuPage = lazy(() => import('./pages/capacity/AhtuPage'));
const ScorecardPage = lazy(() => import('./pages/capacity/ScorecardPage'));
const TrainingPage = lazy(() => import('./pages/capacity/TrainingPage'));
const TrainingSessionPage = lazy(() => import('./pages/capacity/SessionPage'));
const ParticipantsPage = lazy(() => import('./pages/capacity/ParticipantsPage'));
const RefresherDuePage = lazy(() => import('./pages/capacity/RefresherDuePage'));
const CoveragePage = lazy(() => import('./pages/capacity/CoveragePage'));
const CertificateVerifyPage = lazy(() => import('./pages/capacity/CertificateVerifyPage'));
const TipPage = lazy(() => import('./pages/TipPage'));
const ConferenceListPage = lazy(() => import('./pages/coordination/ConferenceListPage'));
const ConferencePage = lazy(() => import('./pages/coordination/ConferencePage'));
const ConferenceFormPage = lazy(() => import('./pages/coordination/ConferenceFormPage'));
const CompendiumPage = lazy(() => import('./pages/coordination/CompendiumPage'));
const PracticePage = lazy(() => import('./pages/coordination/PracticePage'));
const PracticeFormPage = lazy(() => import('./pages/coordination/PracticeFormPage'));
const CampaignsPage = lazy(() => import('./pages/coordination/CampaignsPage'));
const TipsInboxPage = lazy(() => import('./pages/coordination/TipsInboxPage'));
const TipDetailPage = lazy(() => import('./pages/coordination/TipDetailPage'));

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
                <Route path="/certificates/verify" element={<CertificateVerifyPage />} />
                {/* The public tip line: never asks who you are, not even whether you are signed in. */}
                <Route path="/tip" element={<TipPage />} />
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
                <Route path="/inbox" element={<InboxPage />} />
                <Route element={<RequireRole roles={REQUEST_READER_ROLES} />}>
                  <Route path="/requests" element={<RequestListPage />} />
                  <Route path="/requests/stats" element={<RequestStatsPage />} />
                  <Route path="/requests/:id" element={<RequestPage />} />
                  <Route path="/alerts" element={<AlertListPage />} />
                  <Route path="/alerts/:id" element={<AlertPage />} />
                </Route>
                <Route element={<RequireRole roles={REQUEST_WRITER_ROLES} />}>
                  <Route path="/requests/new" element={<RequestFormPage />} />
                </Route>
                <Route element={<RequireRole roles={LOOKOUT_RAISER_ROLES} />}>
                  <Route path="/alerts/new" element={<LookoutFormPage />} />
                </Route>
                <Route element={<RequireRole roles={MEETING_READER_ROLES} />}>
                  <Route path="/meetings" element={<MeetingListPage />} />
                  <Route path="/meetings/:id" element={<MeetingPage />} />
                </Route>
                <Route element={<RequireRole roles={LINKAGE_REVIEWER_ROLES} />}>
                  <Route path="/linkage" element={<ReviewQueuePage />} />
                  <Route path="/linkage/candidates/:id" element={<CandidatePage />} />
                </Route>
                <Route element={<RequireRole roles={ANALYTICS_ROLES} />}>
                  <Route path="/analytics" element={<AnalyticsDashboardPage />} />
                  <Route path="/analytics/map" element={<DistrictMapPage />} />
                  <Route path="/analytics/districts/:lgd" element={<DistrictProfilePage />} />
                </Route>
                <Route element={<RequireRole roles={TRACING_READER_ROLES} />}>
                  <Route path="/restoration/missing" element={<MissingListPage />} />
                  <Route path="/restoration/missing/:id" element={<RecordPage kind="missing" />} />
                  <Route path="/restoration/found" element={<FoundListPage />} />
                  <Route path="/restoration/found/:id" element={<RecordPage kind="found" />} />
                  <Route path="/restoration/candidates" element={<TracingCandidatesPage />} />
                  <Route path="/restoration/restorations" element={<RestorationListPage />} />
                  <Route path="/restoration/restorations/:id" element={<RestorationPage />} />
                  <Route path="/restoration/drives" element={<DrivesPage />} />
                  <Route path="/restoration/drives/:id" element={<DriveDashboardPage />} />
                </Route>
                <Route element={<RequireRole roles={CARE_READER_ROLES} />}>
                  <Route path="/care" element={<CarePlansPage />} />
                  <Route path="/care/:id" element={<CarePlanPage />} />
                </Route>
                <Route element={<RequireRole roles={AHTU_READERS} />}>
                  <Route path="/capacity/ahtus" element={<AhtuRegistryPage />} />
                  <Route path="/capacity/ahtus/scorecards" element={<ScorecardPage />} />
                  <Route path="/capacity/ahtus/:id" element={<AhtuPage />} />
                </Route>
                <Route element={<RequireRole roles={TRAINING_READERS} />}>
                  <Route path="/capacity/training" element={<TrainingPage />} />
                  <Route path="/capacity/training/sessions/:id" element={<TrainingSessionPage />} />
                  <Route path="/capacity/training/participants" element={<ParticipantsPage />} />
                  <Route path="/capacity/training/due" element={<RefresherDuePage />} />
                  <Route path="/capacity/training/coverage" element={<CoveragePage />} />
                </Route>
                <Route element={<RequireRole roles={CONFERENCE_READER_ROLES} />}>
                  <Route path="/coordination/conferences" element={<ConferenceListPage />} />
                  <Route path="/coordination/conferences/:id" element={<ConferencePage />} />
                </Route>
                <Route element={<RequireRole roles={CONFERENCE_PROPOSER_ROLES} />}>
                  <Route path="/coordination/conferences/new" element={<ConferenceFormPage />} />
                </Route>
                <Route path="/coordination/compendium" element={<CompendiumPage />} />
                <Route path="/coordination/compendium/:id" element={<PracticePage />} />
                <Route element={<RequireRole roles={PRACTICE_SUBMITTER_ROLES} />}>
                  <Route path="/coordination/compendium/new" element={<PracticeFormPage />} />
                  <Route path="/coordination/compendium/:id/edit" element={<PracticeFormPage />} />
                </Route>
                <Route element={<RequireRole roles={CAMPAIGN_READER_ROLES} />}>
                  <Route path="/coordination/campaigns" element={<CampaignsPage />} />
                </Route>
                <Route element={<RequireRole roles={TIP_READER_ROLES} />}>
                  <Route path="/coordination/tips" element={<TipsInboxPage />} />
                  <Route path="/coordination/tips/:id" element={<TipDetailPage />} />
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
