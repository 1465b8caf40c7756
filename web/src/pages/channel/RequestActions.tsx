import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_ACTIONS, type RequestAction, type RequestView } from '../../api/channel';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/feedback';
import { checkFiles, FilesInput, toUploads } from './files';
import { actionLabel } from './labels';

const ORDER: RequestAction[] = ['acknowledge', 'start', 'answer', 'decline', 'close', 'reopen'];

/**
 * The buttons for what the signed-in person may do now (the server's `allowedActions`). An answer, a
 * reason for declining or for reopening needs a text: those open a small form first.
 */
export function RequestActions({
  item,
  onDone,
}: {
  item: RequestView;
  onDone: (view: RequestView, action: RequestAction) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<RequestAction | undefined>(undefined);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<RequestAction | undefined>(undefined);
  const actions = ORDER.filter((action) => item.allowedActions.includes(action));
  if (actions.length === 0) return null;

  const run = (action: RequestAction, payload: object) => {
    setBusy(action);
    setError(undefined);
    api
      .post<RequestView>(`/api/requests/${encodeURIComponent(item.id)}/${action}`, payload)
      .then((view) => {
        setOpen(undefined);
        setText('');
        setFiles([]);
        onDone(view, action);
      })
      .catch(setError)
      .finally(() => setBusy(undefined));
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!open) return;
    const problem = checkFiles(t, files);
    setFileError(problem);
    if (!text.trim()) {
      setTextError(t(`channel.actionText.required.${open === 'answer' ? 'answer' : 'reason'}`));
      return;
    }
    setTextError(undefined);
    if (problem) return;
    setBusy(open);
    toUploads(files)
      .then((attachments) => run(open, { text: text.trim(), ...(attachments ? { attachments } : {}) }))
      .catch((e: unknown) => {
        setError(e);
        setBusy(undefined);
      });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="request-actions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="request-actions">
          {t('channel.request.whatNow')}
        </Title>
        <Group gap="xs" wrap="wrap">
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'answer' ? 'filled' : action === open ? 'light' : 'default'}
              color={action === 'decline' ? 'orange' : undefined}
              loading={busy === action && !TEXT_ACTIONS.includes(action)}
              aria-expanded={TEXT_ACTIONS.includes(action) ? open === action : undefined}
              onClick={() => {
                setError(undefined);
                if (TEXT_ACTIONS.includes(action)) setOpen(open === action ? undefined : action);
                else run(action, {});
              }}
              data-action={action}
            >
              {actionLabel(t, action)}
            </Button>
          ))}
        </Group>
        {open ? (
          <form onSubmit={submit} noValidate aria-label={actionLabel(t, open)}>
            <Stack gap="sm">
              <Textarea
                label={t(`channel.actionText.label.${open === 'answer' ? 'answer' : 'reason'}`)}
                description={open === 'decline' ? t('channel.actionText.declineHint') : undefined}
                required
                autosize
                minRows={3}
                maxLength={10000}
                value={text}
                error={textError}
                onChange={(event) => setText(event.currentTarget.value)}
                data-autofocus
              />
              {open === 'answer' ? <FilesInput files={files} onChange={setFiles} error={fileError} /> : null}
              <Group gap="xs">
                <Button
                  type="submit"
                  loading={busy === open}
                  color={open === 'decline' ? 'orange' : undefined}
                >
                  {t(
                    `channel.actionText.submit.${open === 'answer' ? 'answer' : open === 'decline' ? 'decline' : 'reopen'}`,
                  )}
                </Button>
                <Button variant="default" onClick={() => setOpen(undefined)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        <ErrorNotice error={error} />
      </Stack>
    </Paper>
  );
}
