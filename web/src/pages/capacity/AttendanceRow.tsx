import { Anchor, Button, Checkbox, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Attendance, SessionDetail } from '../../api/capacity';
import { ErrorNotice } from '../../components/feedback';
import { serviceLabel, todayInIndia } from './labels';

const score = (value: string | number): number | null => {
  if (value === '') return null;
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
};

/** One participant: attended, pre- and post-assessment scores, and the certificate once they attended. */
export function AttendanceRow({
  session,
  attendance,
  onChanged,
}: {
  session: SessionDetail;
  attendance: Attendance;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const person = attendance.participant;
  const [attended, setAttended] = useState(attendance.attended);
  const [pre, setPre] = useState<number | string>(attendance.preScore ?? '');
  const [post, setPost] = useState<number | string>(attendance.postScore ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const base = `/api/training/sessions/${session.id}/participants/${person.id}`;
  const run = (work: Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    work
      .then(() => {
        setBusy(false);
        onChanged(message);
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  const save = () =>
    run(
      api.put(base, { attended, preScore: score(pre), postScore: attended ? score(post) : null }),
      t('capacity.training.saved'),
    );
  const issue = () =>
    run(api.post(`${base}/certificate`), t('capacity.training.certificateIssued', { name: person.name }));
  const ended = session.endsOn <= todayInIndia() && session.status !== 'cancelled';

  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="attendance-row" aria-label={person.name}>
      <Stack gap="xs">
        <div>
          <Text fw={600} size="sm">
            {person.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[person.designation, serviceLabel(t, person.service), person.unitName]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <ErrorNotice error={error} />
        {session.canManage ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Checkbox
              label={t('capacity.training.attended')}
              checked={attended}
              onChange={(e) => setAttended(e.currentTarget.checked)}
              mb={8}
            />
            <NumberInput
              label={t('capacity.training.preScore')}
              aria-label={t('capacity.training.preScoreOf', { name: person.name })}
              min={0}
              max={100}
              w={120}
              value={pre}
              onChange={setPre}
            />
            <NumberInput
              label={t('capacity.training.postScore')}
              aria-label={t('capacity.training.postScoreOf', { name: person.name })}
              min={0}
              max={100}
              w={120}
              value={post}
              onChange={setPost}
              disabled={!attended}
            />
            <Button variant="default" onClick={save} loading={busy}>
              {t('capacity.save')}
            </Button>
            {attendance.attended && !attendance.certificateCode && ended ? (
              <Button variant="light" onClick={issue} loading={busy}>
                {t('capacity.training.issueCertificate')}
              </Button>
            ) : null}
          </Group>
        ) : (
          <Text size="sm">
            {attendance.attended ? t('capacity.training.attended') : t('capacity.training.absent')} ·{' '}
            {t('capacity.training.scores', {
              pre: attendance.preScore ?? '—',
              post: attendance.postScore ?? '—',
            })}
          </Text>
        )}
        {attendance.certificateIssuedAt ? (
          <Group gap="sm">
            {attendance.certificateCode ? (
              <Text size="sm">
                {t('capacity.training.certificateCode', { code: attendance.certificateCode })}
              </Text>
            ) : null}
            <Anchor href={`${base}/certificate.pdf`} size="sm">
              {t('capacity.training.downloadCertificate')}
            </Anchor>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
