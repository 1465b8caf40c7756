import { Badge, Button, FileInput, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, fetchFile, saveBlob } from '../../api/client';
import type { PracticeView } from '../../api/coordination';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatBytes, formatDate } from '../../i18n/format';
import { label, STATUS_COLOURS } from './labels';

const TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** One practice: its text, files, and the reviewer's publish or return. */
export default function PracticePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const state = useApiGet<PracticeView>(`/api/compendium/${id}`);
  const [view, setView] = useState<PracticeView>();
  const p = view ?? state.data;
  usePage(p?.title ?? t('coordination.compendium.title'), !state.loading);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();

  const review = async (action: 'publish' | 'return') => {
    setError(undefined);
    try {
      setView(
        await api.post<PracticeView>(`/api/compendium/${id}/review`, {
          action,
          ...(note.trim() ? { note } : {}),
        }),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  const upload = async () => {
    if (!file) return;
    setError(undefined);
    setSaved(undefined);
    try {
      await api.post(`/api/compendium/${id}/attachments`, {
        fileName: file.name,
        contentType: file.type,
        contentBase64: await toBase64(file),
      });
      setView(await api.get<PracticeView>(`/api/compendium/${id}`));
      setFile(null);
      setSaved(t('coordination.practice.uploaded'));
    } catch (caught) {
      setError(caught);
    }
  };

  if (!p) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  return (
    <Stack gap="md" maw={820}>
      <Title order={1} lang={p.language}>
        {p.title}
      </Title>
      <Group gap="xs">
        <Badge variant="light">{label(t, 'category', p.category)}</Badge>
        <Badge color={STATUS_COLOURS[p.status] ?? 'gray'} variant="light">
          {label(t, 'status', p.status)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('coordination.compendium.byUnit', { unit: p.unit.name, state: p.state.name })}
          {p.publishedAt ? ` · ${formatDate(p.publishedAt.slice(0, 10), i18n.language) ?? ''}` : ''}
        </Text>
      </Group>
      <div lang={p.language}>
        <Text fw={600}>{p.summary}</Text>
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.body}
        </Text>
        {p.outcomes ? (
          <>
            <Title order={2} size="h4" mt="md">
              {t('coordination.practice.outcomes')}
            </Title>
            <Text>{p.outcomes}</Text>
          </>
        ) : null}
      </div>
      {p.reviewNote ? (
        <Paper withBorder p="sm">
          <Text size="sm">
            <b>{t('coordination.practice.reviewNote')}:</b> {p.reviewNote}
          </Text>
        </Paper>
      ) : null}
      <ErrorNotice error={error} />
      <StatusNotice message={saved} />
      <Title order={2} size="h4">
        {t('coordination.practice.files')}
      </Title>
      {p.attachmentList.length === 0 ? <Text c="dimmed">{t('coordination.practice.noFiles')}</Text> : null}
      {p.attachmentList.map((f) => (
        <Group key={f.id} gap="sm">
          <Text>
            {f.fileName} ({formatBytes(f.sizeBytes, i18n.language)})
          </Text>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              void fetchFile(`/api/compendium/attachments/${f.id}/content`)
                .then((blob) => saveBlob(blob, f.fileName))
                .catch(setError)
            }
          >
            {t('coordination.practice.download')}
          </Button>
        </Group>
      ))}
      {p.canEdit ? (
        <Group align="flex-end">
          <FileInput
            label={t('coordination.practice.attach')}
            accept={TYPES.join(',')}
            value={file}
            onChange={setFile}
            clearable
            style={{ flex: 1 }}
          />
          <Button variant="default" disabled={!file} onClick={() => void upload()}>
            {t('coordination.practice.upload')}
          </Button>
        </Group>
      ) : null}
      {p.canEdit && p.status !== 'published' ? (
        <Button
          component={Link}
          to={`/coordination/compendium/${p.id}/edit`}
          variant="default"
          w="fit-content"
        >
          {t('coordination.practice.edit')}
        </Button>
      ) : null}
      {p.canReview ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Textarea
              label={t('coordination.practice.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button onClick={() => void review('publish')}>{t('coordination.practice.publish')}</Button>
              <Button variant="default" onClick={() => void review('return')}>
                {t('coordination.practice.return')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
