import {
  Alert,
  Anchor,
  Button,
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
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  REQUEST_KINDS,
  REQUEST_PRIORITIES,
  type RequestCodes,
  type RequestKind,
  type RequestPriority,
  type RequestView,
} from '../../api/channel';
import { api } from '../../api/client';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { newIdempotencyKey } from '../cases/form/model';
import { checkFiles, FilesInput, toUploads } from './files';
import { priorityLabel, requestKindLabel } from './labels';
import { CasePicker, UnitPicker } from './pickers';

type Field = 'toUnitId' | 'subject' | 'body' | 'files';

/** A new request to another unit: whom, what kind, how urgent, about which case, and the message. */
export default function RequestFormPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const codes = useApiGet<RequestCodes>('/api/requests/codes');
  const [toUnitId, setToUnitId] = useState(params.get('to') ?? '');
  const [kind, setKind] = useState<RequestKind>('verify_family');
  const [priority, setPriority] = useState<RequestPriority>('routine');
  const [caseId, setCaseId] = useState(params.get('case') ?? '');
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a retry after a lost answer cannot send the request twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  usePage(t('channel.form.title'), !codes.loading);

  const hours = codes.data?.kinds.find((k) => k.code === kind)?.deadlineHours[priority];
  const sharesIdentity = codes.data?.kinds.find((k) => k.code === kind)?.sharesIdentity ?? false;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!toUnitId) next.toUnitId = t('channel.form.unitRequired');
    if (subject.trim().length < 3) next.subject = t('channel.form.subjectRequired');
    if (!body.trim()) next.body = t('channel.form.bodyRequired');
    const fileProblem = checkFiles(t, files);
    if (fileProblem) next.files = fileProblem;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setError(undefined);
    toUploads(files)
      .then((attachments) =>
        api.post<RequestView>(
          '/api/requests',
          {
            toUnitId,
            kind,
            priority,
            subject: subject.trim(),
            body: body.trim(),
            ...(caseId ? { caseId } : {}),
            ...(caseId && personIds.length > 0 ? { personIds } : {}),
            ...(attachments ? { attachments } : {}),
          },
          { headers: { 'Idempotency-Key': idempotencyKey } },
        ),
      )
      .then((view) => navigate(`/requests/${view.id}`))
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/requests" size="sm">
        ← {t('channel.request.backToList')}
      </Anchor>
      <div>
        <Title order={1}>{t('channel.form.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('channel.form.intro', { unit: me?.unit.name ?? '' })}
        </Text>
      </div>
      <form onSubmit={submit} noValidate aria-label={t('channel.form.title')}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <UnitPicker
              label={t('channel.form.toUnit')}
              value={toUnitId}
              onChange={setToUnitId}
              error={errors.toUnitId}
              excludeId={me?.unit.id}
              testId="to-unit"
            />
          </Paper>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('channel.form.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as RequestKind)}
              data={REQUEST_KINDS.map((k) => ({ value: k, label: requestKindLabel(t, k) }))}
            />
            <NativeSelect
              label={t('channel.form.priority')}
              value={priority}
              onChange={(event) => setPriority(event.currentTarget.value as RequestPriority)}
              data={REQUEST_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
            />
          </SimpleGrid>
          {hours !== undefined ? (
            <Alert variant="light" color="blue" role="none" data-testid="due-preview">
              <Text size="sm">
                {t('channel.form.duePreview', {
                  hours: formatNumber(hours, i18n.language),
                  date: formatDateTime(new Date(Date.now() + hours * 3_600_000).toISOString(), i18n.language),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {sharesIdentity ? t('channel.form.sharesIdentity') : t('channel.form.sharesNoIdentity')}
              </Text>
            </Alert>
          ) : null}
          <Paper withBorder p="md" radius="md">
            <CasePicker caseId={caseId} onCase={setCaseId} personIds={personIds} onPersons={setPersonIds} />
          </Paper>
          <TextInput
            label={t('channel.form.subject')}
            description={t('channel.form.subjectHint')}
            required
            maxLength={200}
            value={subject}
            error={errors.subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
          />
          <Textarea
            label={t('channel.form.body')}
            description={t('channel.form.bodyHint')}
            required
            autosize
            minRows={4}
            maxLength={10000}
            value={body}
            error={errors.body}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <FilesInput files={files} onChange={setFiles} error={errors.files} />
          <ErrorNotice error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('channel.form.submit')}
            </Button>
            <Button component={Link} to="/requests" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
