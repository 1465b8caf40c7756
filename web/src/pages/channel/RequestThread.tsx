import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../api/channel';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/feedback';
import { formatDateTime } from '../../i18n/format';
import { AttachmentList, checkFiles, FilesInput, toUploads } from './files';
import { eventLabel } from './labels';

/** The thread, oldest first: messages, state changes and Setu's escalation lines, each with its files. */
export function Thread({ item }: { item: RequestView }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="request-thread">
      <Title order={2} size="h3" id="request-thread" mb="sm">
        {t('channel.request.thread')}
      </Title>
      {item.messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('channel.request.noMessages')}
        </Text>
      ) : (
        <ol className="plain-list" data-testid="thread">
          {item.messages.map((message) => (
            <li key={message.id} data-event={message.event ?? 'message'}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {message.authorName ?? t('channel.request.setu')}
                </Text>
                {message.authorUnit ? (
                  <Text size="xs" c="dimmed">
                    {message.authorUnit.name}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  · {eventLabel(t, message.event)} · {formatDateTime(message.createdAt, i18n.language)}
                </Text>
              </Group>
              {message.body ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {message.body}
                </Text>
              ) : null}
              <AttachmentList requestId={item.id} files={message.attachments} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A message into the thread, with files; both units (and oversight) may write while it is open. */
export function MessageForm({ item, onSent }: { item: RequestView; onSent: (view: RequestView) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [bodyError, setBodyError] = useState<string | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  if (!item.allowedActions.includes('message')) return null;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = checkFiles(t, files);
    setFileError(problem);
    setBodyError(body.trim() ? undefined : t('channel.request.messageRequired'));
    if (problem || !body.trim()) return;
    setBusy(true);
    setError(undefined);
    toUploads(files)
      .then((attachments) =>
        api.post<RequestView>(`/api/requests/${encodeURIComponent(item.id)}/messages`, {
          body: body.trim(),
          ...(attachments ? { attachments } : {}),
        }),
      )
      .then((view) => {
        setBody('');
        setFiles([]);
        onSent(view);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="message-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="message-title">
            {t('channel.request.writeMessage')}
          </Title>
          <Textarea
            label={t('channel.request.message')}
            required
            autosize
            minRows={2}
            maxLength={10000}
            value={body}
            error={bodyError}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <FilesInput files={files} onChange={setFiles} error={fileError} />
          <ErrorNotice error={error} />
          <Group>
            <Button type="submit" loading={busy} variant="default">
              {t('channel.request.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
