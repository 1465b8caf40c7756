import { Button, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { PRACTICE_CATEGORIES, type PracticeView } from '../../api/coordination';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { label } from './labels';

/** Submit a practice, or edit one the unit has back from review (saving resubmits it). */
export default function PracticeFormPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const existing = useApiGet<PracticeView>(id ? `/api/compendium/${id}` : null);
  usePage(t('coordination.practice.formTitle'), id ? !existing.loading : true);
  const [form, setForm] = useState({
    category: 'prevention',
    language: i18n.language === 'hi' ? 'hi' : 'en',
    title: '',
    summary: '',
    body: '',
    outcomes: '',
  });
  useEffect(() => {
    const p = existing.data;
    if (p)
      setForm({
        category: p.category,
        language: p.language,
        title: p.title,
        summary: p.summary,
        body: p.body,
        outcomes: p.outcomes ?? '',
      });
  }, [existing.data]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = { ...form, outcomes: form.outcomes.trim() ? form.outcomes : undefined };
    try {
      const view = id
        ? await api.patch<PracticeView>(`/api/compendium/${id}`, { ...body, outcomes: body.outcomes ?? null })
        : await api.post<PracticeView>('/api/compendium', body, {
            headers: { 'Idempotency-Key': crypto.randomUUID() },
          });
      void navigate(`/coordination/compendium/${view.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('coordination.practice.formTitle')}</Title>
      <ErrorNotice error={existing.error} />
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <NativeSelect
            label={t('coordination.compendium.category')}
            value={form.category}
            onChange={(e) => set('category')(e.currentTarget.value)}
            data={PRACTICE_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) }))}
          />
          <NativeSelect
            label={t('coordination.practice.language')}
            value={form.language}
            onChange={(e) => set('language')(e.currentTarget.value)}
            data={['en', 'hi'].map((l) => ({ value: l, label: label(t, 'language', l) }))}
          />
          <TextInput
            label={t('coordination.practice.title')}
            required
            minLength={5}
            maxLength={200}
            value={form.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
          />
          <Textarea
            label={t('coordination.practice.summary')}
            required
            minLength={10}
            maxLength={1000}
            autosize
            minRows={2}
            value={form.summary}
            onChange={(e) => set('summary')(e.currentTarget.value)}
          />
          <Textarea
            label={t('coordination.practice.body')}
            required
            minLength={20}
            maxLength={20000}
            autosize
            minRows={6}
            value={form.body}
            onChange={(e) => set('body')(e.currentTarget.value)}
          />
          <Textarea
            label={t('coordination.practice.outcomes')}
            maxLength={5000}
            autosize
            minRows={2}
            value={form.outcomes}
            onChange={(e) => set('outcomes')(e.currentTarget.value)}
          />
          <ErrorNotice error={error} />
          <Button type="submit" loading={busy} w="fit-content">
            {id ? t('coordination.practice.save') : t('coordination.practice.send')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
