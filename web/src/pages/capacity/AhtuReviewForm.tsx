import { Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Answer, Checklist } from '../../api/capacity';
import { ErrorNotice } from '../../components/feedback';
import { answerLabel, checklistLabel, todayInIndia } from './labels';

/** A functionality review: one answer per checklist item; the server computes the weighted score. */
export function AhtuReviewForm({
  unitId,
  checklist,
  onSaved,
}: {
  unitId: string;
  checklist: Checklist;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reviewedOn, setReviewedOn] = useState(todayInIndia());
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [remarks, setRemarks] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <Button variant="default" mt="sm" onClick={() => setOpen(true)}>
        {t('capacity.review.add')}
      </Button>
    );
  }
  const missing = checklist.items.filter((item) => !answers[item.key]).length;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .post(`/api/ahtus/${unitId}/reviews`, {
        reviewedOn,
        answers,
        ...(remarks.trim() ? { remarks: remarks.trim() } : {}),
      })
      .then(() => {
        setBusy(false);
        setOpen(false);
        setAnswers({});
        onSaved();
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  return (
    <Paper withBorder p="md" radius="md" mt="sm">
      <form onSubmit={submit} noValidate aria-labelledby="review-form-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="review-form-title">
            {t('capacity.review.add')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('capacity.review.intro')}
          </Text>
          <ErrorNotice error={error} />
          <TextInput
            type="date"
            label={t('capacity.review.date')}
            value={reviewedOn}
            onChange={(e) => setReviewedOn(e.currentTarget.value)}
            maw={220}
          />
          {checklist.items.map((item) => (
            <Radio.Group
              key={item.key}
              label={`${checklistLabel(t, item.key)} (${t('capacity.review.weight', { weight: item.weight })})`}
              value={answers[item.key] ?? ''}
              onChange={(value) => setAnswers((a) => ({ ...a, [item.key]: value as Answer }))}
            >
              <Group gap="md" mt={4}>
                {checklist.answers.map((answer) => (
                  <Radio key={answer} value={answer} label={answerLabel(t, answer)} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Textarea
            label={t('capacity.review.remarks')}
            value={remarks}
            onChange={(e) => setRemarks(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={busy} disabled={missing > 0}>
              {t('capacity.review.save')}
            </Button>
            {missing > 0 ? (
              <Text size="sm" c="dimmed">
                {t('capacity.review.missing', { count: missing })}
              </Text>
            ) : null}
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
