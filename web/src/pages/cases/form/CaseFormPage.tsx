import '@mantine/core/styles/Pill.layer.css';
import '@mantine/core/styles/PillsInput.layer.css';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../../api/client';
import {
  CASE_KINDS,
  EXPLOITATION_FORMS,
  type CaseCodes,
  type CaseView,
  type Page,
  type Unit,
} from '../../../api/types';
import { useApiGet } from '../../../api/useApi';
import { ErrorNotice, LiveRegion, PageLoader } from '../../../components/feedback';
import { usePage } from '../../../components/PageReady';
import { useSession } from '../../../session/session';
import { NotFoundContent } from '../../NotFoundPage';
import { formLabel, kindLabel } from '../labels';
import {
  caseBody,
  emptyCase,
  fieldsFromCase,
  newIdempotencyKey,
  personBody,
  routeBody,
  serverFieldErrors,
  stopsFromCase,
  today,
  validateCase,
  validatePersons,
  validateRoute,
  type CaseFields,
  type FormErrors,
  type PersonDraft,
  type StopDraft,
} from './model';
import { PersonsEditor } from './PersonsEditor';
import { RouteEditor } from './RouteEditor';
import { SectionPicker } from './SectionPicker';

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** Register a case (with its people and route), or change one: the same form, client checks first. */
export default function CaseFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const editing = id !== undefined;
  const navigate = useNavigate();
  const { me } = useSession();
  const codes = useApiGet<CaseCodes>('/api/cases/codes');
  const existing = useApiGet<CaseView>(editing ? `/api/cases/${encodeURIComponent(id)}` : null);
  const needsUnit = !editing && me?.role === 'state_nodal_officer';
  const units = useApiGet<Page<Unit>>(needsUnit ? '/api/units' : null, {
    kind: 'ahtu',
    state: me?.jurisdiction.stateLgd ?? undefined,
    limit: 100,
  });

  const [fields, setFields] = useState<CaseFields>(emptyCase);
  const [initial, setInitial] = useState<{ fields: CaseFields; stops: StopDraft[] } | undefined>(undefined);
  const [persons, setPersons] = useState<PersonDraft[]>([]);
  const [stops, setStops] = useState<StopDraft[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // One key per visit to the form: a double click or a resend after a timeout returns the same case.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useRef<HTMLFormElement>(null);

  const item = existing.data?.id === id ? existing.data : undefined;
  useEffect(() => {
    if (!item || initial) return;
    const loaded = { fields: fieldsFromCase(item), stops: stopsFromCase(item) };
    setInitial(loaded);
    setFields(loaded.fields);
    setStops(loaded.stops);
  }, [item, initial]);

  const notFound =
    existing.error instanceof ApiError && (existing.error.status === 404 || existing.error.status === 400);
  const title = editing
    ? t('caseForm.editTitle', { reference: item?.reference ?? '' })
    : t('caseForm.createTitle');
  usePage(title, !codes.loading && !existing.loading && !units.loading);

  // After a failed check, move the keyboard focus to the first field that needs attention.
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // Centred, not at the top edge, where the fixed header would cover the field's label and message.
    invalid?.focus({ preventScroll: true });
    invalid?.scrollIntoView({ block: 'center' });
  }, [attempt]);

  if (notFound) return <NotFoundContent title={t('case.notFound')} text={t('case.notFoundText')} />;
  if (editing && existing.error && !item)
    return <ErrorNotice error={existing.error} onRetry={existing.reload} />;
  if (editing && !initial) return <PageLoader />;
  if (editing && item && !item.canEdit) {
    return <ErrorNotice error={new ApiError(403, 'forbidden', '')} />;
  }

  /** Editing a field takes its message away (and the count with it); the next check decides again. */
  const clearErrors = (path: string) =>
    setErrors((previous) => {
      const stale = (key: string) => key === path || key.startsWith(`${path}.`);
      if (!Object.keys(previous).some(stale)) return previous;
      return Object.fromEntries(Object.entries(previous).filter(([key]) => !stale(key)));
    });

  const set = <K extends keyof CaseFields>(key: K, value: CaseFields[K]) => {
    setFields((previous) => ({ ...previous, [key]: value }));
    clearErrors(key);
  };

  const fail = (error: unknown, found: FormErrors) => {
    setErrors(found);
    setFailure(Object.keys(found).length > 0 ? undefined : error);
    setAttempt((n) => n + 1);
  };

  const create = () => {
    const body = {
      ...caseBody(fields),
      registeredOn: fields.registeredOn,
      ...(needsUnit ? { registeringUnitId: fields.registeringUnitId } : {}),
      persons: persons.map(personBody),
      route: routeBody(stops),
    };
    return api
      .post<CaseView>('/api/cases', body, { headers: { 'Idempotency-Key': idempotencyKey } })
      .then((created) => navigate(`/cases/${created.id}`))
      .catch((error: unknown) => fail(error, serverFieldErrors(error, t, undefined, persons)));
  };

  const save = async () => {
    if (!item || !initial) return;
    const caseId = encodeURIComponent(item.id);
    const changed = JSON.stringify(caseBody(fields)) !== JSON.stringify(caseBody(initial.fields));
    try {
      if (changed) await api.patch(`/api/cases/${caseId}`, { ...caseBody(fields), version: item.version });
    } catch (error) {
      fail(error, serverFieldErrors(error, t));
      return;
    }
    if (JSON.stringify(routeBody(stops)) !== JSON.stringify(routeBody(initial.stops))) {
      try {
        await api.put(`/api/cases/${caseId}/route`, { events: routeBody(stops) });
      } catch (error) {
        // The case fields are saved: compare against them from now on.
        setInitial({ fields, stops: initial.stops });
        fail(error, serverFieldErrors(error, t, { route: true }));
        return;
      }
    }
    // Each person is saved on its own; those saved leave the form so a retry does not add them twice.
    let remaining = persons;
    for (const [index, person] of persons.entries()) {
      try {
        await api.post(`/api/cases/${caseId}/persons`, personBody(person));
        remaining = remaining.filter((p) => p.key !== person.key);
      } catch (error) {
        setInitial({ fields, stops });
        setPersons(remaining);
        const position = remaining.findIndex((p) => p.key === person.key);
        fail(error, serverFieldErrors(error, t, { persons: position >= 0 ? position : index }));
        return;
      }
    }
    await navigate(`/cases/${item.id}`);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = {
      ...validateCase(fields, t, { needsUnit }),
      ...validatePersons(persons, t),
      ...validateRoute(stops, t),
    };
    setFailure(undefined);
    if (Object.keys(found).length > 0) {
      fail(undefined, found);
      return;
    }
    setErrors({});
    setBusy(true);
    void (editing ? save() : create()).finally(() => setBusy(false));
  };

  const errorCount = Object.keys(errors).length;
  const conflict = failure instanceof ApiError && failure.status === 409 && failure.code === 'conflict';

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={editing && item ? `/cases/${item.id}` : '/cases'} size="sm">
          ← {editing ? t('caseForm.backToCase') : t('case.backToList')}
        </Anchor>
        <Title order={1} mt={4}>
          {title}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {editing ? t('caseForm.editIntro') : t('caseForm.createIntro')}
        </Text>
      </div>
      <form ref={form} onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <LiveRegion assertive>
            {errorCount > 0 ? (
              <Alert color="red" variant="light" role="none" data-testid="form-errors">
                <Text size="sm">{t('caseForm.fixErrors', { count: errorCount })}</Text>
              </Alert>
            ) : null}
          </LiveRegion>
          <ErrorNotice error={failure} onRetry={conflict ? () => window.location.reload() : undefined} />
          <Section id="form-case" title={t('caseForm.caseSection')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('case.kind')}
                required
                value={fields.kind}
                onChange={(event) => set('kind', event.currentTarget.value)}
                error={errors.kind}
                data={CASE_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
              />
              {needsUnit ? (
                <NativeSelect
                  label={t('caseForm.registeringUnit')}
                  required
                  value={fields.registeringUnitId}
                  onChange={(event) => set('registeringUnitId', event.currentTarget.value)}
                  error={errors.registeringUnitId}
                  data={[
                    { value: '', label: t('caseForm.chooseUnit'), disabled: true },
                    ...(units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
                  ]}
                />
              ) : null}
            </SimpleGrid>
            <TextInput
              label={t('caseForm.title')}
              description={t('caseForm.titleHint')}
              required
              maxLength={200}
              value={fields.title}
              onChange={(event) => set('title', event.currentTarget.value)}
              error={errors.title}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('caseForm.firNumber')}
                required={fields.kind === 'fir'}
                description={fields.kind === 'fir' ? undefined : t('common.optional')}
                maxLength={40}
                value={fields.firNumber}
                onChange={(event) => set('firNumber', event.currentTarget.value)}
                error={errors.firNumber}
              />
              <TextInput
                label={t('caseForm.firDate')}
                type="date"
                max={today()}
                required={fields.kind === 'fir'}
                description={fields.kind === 'fir' ? undefined : t('common.optional')}
                value={fields.firDate}
                onChange={(event) => set('firDate', event.currentTarget.value)}
                error={errors.firDate}
              />
              <TextInput
                label={t('case.registeredOn')}
                type="date"
                max={today()}
                required
                disabled={editing}
                description={editing ? t('caseForm.registeredFixed') : undefined}
                value={fields.registeredOn}
                onChange={(event) => set('registeredOn', event.currentTarget.value)}
                error={errors.registeredOn}
              />
              <TextInput
                label={t('case.policeStation')}
                maxLength={200}
                value={fields.policeStationName}
                onChange={(event) => set('policeStationName', event.currentTarget.value)}
                error={errors.policeStationName}
              />
              <TextInput
                label={t('caseForm.ioName')}
                maxLength={200}
                value={fields.ioName}
                onChange={(event) => set('ioName', event.currentTarget.value)}
                error={errors.ioName}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t('case.forms')}
              value={fields.forms}
              onChange={(value) =>
                set(
                  'forms',
                  EXPLOITATION_FORMS.filter((f) => value.includes(f)),
                )
              }
              error={errors.forms}
            >
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
                {EXPLOITATION_FORMS.map((form) => (
                  <Checkbox key={form} value={form} label={formLabel(t, form)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <SectionPicker
              sections={codes.data?.legalSections}
              value={fields.sections}
              onChange={(value) => set('sections', value)}
              error={errors.sections}
              failed={codes.error !== undefined}
            />
            <Textarea
              label={t('case.summary')}
              description={t('caseForm.summaryHint')}
              autosize
              minRows={3}
              maxLength={10000}
              value={fields.summary}
              onChange={(event) => set('summary', event.currentTarget.value)}
              error={errors.summary}
            />
          </Section>
          <Section
            id="form-people"
            title={editing ? t('caseForm.addPeopleSection') : t('case.people')}
            intro={t('caseForm.peopleIntro')}
          >
            <PersonsEditor persons={persons} onChange={setPersons} errors={errors} onEdited={clearErrors} />
          </Section>
          <Section id="form-route" title={t('route.title')} intro={t('caseForm.routeIntro')}>
            <RouteEditor stops={stops} onChange={setStops} errors={errors} onEdited={clearErrors} />
          </Section>
          <Group gap="sm">
            <Button type="submit" loading={busy} size="md">
              {editing ? t('caseForm.save') : t('caseForm.create')}
            </Button>
            <Button
              component={Link}
              to={editing && item ? `/cases/${item.id}` : '/cases'}
              variant="default"
              size="md"
            >
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
