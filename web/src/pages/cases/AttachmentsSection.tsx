import {
  Badge,
  Button,
  Checkbox,
  Code,
  FileInput,
  Group,
  Modal,
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
import { api, fetchFile, saveBlob } from '../../api/client';
import type { Attachment, CaseView } from '../../api/types';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { MIN_REASON } from '../persons/RevealDialog';
import { personRoleLabel } from './labels';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
type AllowedType = (typeof TYPES)[number];

function isAllowed(type: string): type is AllowedType {
  return (TYPES as readonly string[]).includes(type);
}

/** The file's bytes as base64, which the JSON API takes. */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function UploadForm({ item, onUploaded }: { item: CaseView; onUploaded: (name: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [personId, setPersonId] = useState('');
  const [identity, setIdentity] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const person = item.persons.find((p) => p.id === personId);
  const canBeIdentity = !!person && person.identityMasked;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('attachments.chooseFile'));
      return;
    }
    if (!isAllowed(file.type)) {
      setFileError(t('attachments.wrongType'));
      return;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setFileError(t('attachments.tooLarge'));
      return;
    }
    setFileError(undefined);
    setError(undefined);
    setBusy(true);
    toBase64(file)
      .then((contentBase64) =>
        api.post(`/api/cases/${encodeURIComponent(item.id)}/attachments`, {
          fileName: file.name.slice(0, 200),
          contentType: file.type,
          contentBase64,
          ...(personId ? { personId } : {}),
          ...(canBeIdentity && identity ? { isIdentity: true } : {}),
          ...(description.trim() ? { description: description.trim() } : {}),
        }),
      )
      .then(() => {
        setFile(null);
        setDescription('');
        setPersonId('');
        setIdentity(false);
        onUploaded(file.name);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="upload-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="upload-title">
            {t('attachments.upload')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <FileInput
              label={t('attachments.file')}
              description={t('attachments.fileHint')}
              accept={TYPES.join(',')}
              value={file}
              onChange={setFile}
              clearable
              error={fileError}
              required
            />
            <NativeSelect
              label={t('attachments.person')}
              value={personId}
              onChange={(event) => setPersonId(event.currentTarget.value)}
              data={[
                { value: '', label: t('attachments.noPerson') },
                ...item.persons.map((p) => ({
                  value: p.id,
                  label: `${personRoleLabel(t, p.role)}: ${p.displayName ?? p.pseudonym}`,
                })),
              ]}
            />
          </SimpleGrid>
          {canBeIdentity ? (
            <Checkbox
              label={t('attachments.isIdentity')}
              description={t('attachments.isIdentityHint')}
              checked={identity}
              onChange={(event) => setIdentity(event.currentTarget.checked)}
            />
          ) : null}
          <Textarea
            label={t('attachments.description')}
            description={t('common.optional')}
            autosize
            minRows={1}
            maxLength={500}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <ErrorNotice error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('attachments.uploadSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Asks for the reason before an identity photo is opened; the server records it. */
function ReasonDialog({ attachment, onClose }: { attachment: Attachment | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setReasonError(undefined);
    setError(undefined);
    onClose();
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!attachment) return;
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t('reveal.reasonTooShort', { count: MIN_REASON }));
      return;
    }
    setBusy(true);
    setError(undefined);
    fetchFile(`/api/attachments/${encodeURIComponent(attachment.id)}/content`, { reason: reason.trim() })
      .then((blob) => {
        saveBlob(blob, attachment.fileName);
        close();
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      opened={attachment !== undefined}
      onClose={close}
      title={t('attachments.identityTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('attachments.identityExplain')}</Text>
          <TextInput
            label={t('reveal.reason')}
            description={t('reveal.reasonHint', { count: MIN_REASON })}
            required
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError}
            data-autofocus
          />
          <ErrorNotice error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('attachments.download')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Files on the case, each with its size and SHA-256 so a copy can be checked against the original. */
export function AttachmentsSection({ item, onChanged }: { item: CaseView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<Attachment | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const canUpload = item.canEdit || item.standing !== 'jurisdiction';

  const download = (attachment: Attachment) => {
    setError(undefined);
    if (attachment.isIdentity) {
      setAsking(attachment);
      return;
    }
    fetchFile(`/api/attachments/${encodeURIComponent(attachment.id)}/content`)
      .then((blob) => saveBlob(blob, attachment.fileName))
      .catch(setError);
  };

  return (
    <section aria-labelledby="case-attachments">
      <Title order={2} size="h3" id="case-attachments" mb="sm">
        {t('attachments.title')}
      </Title>
      <Stack gap="sm">
        <StatusNotice message={status} />
        <ErrorNotice error={error} />
        {item.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attachments.none')}
          </Text>
        ) : (
          <ul className="plain-list" data-testid="attachments">
            {item.attachments.map((attachment) => (
              <li key={attachment.id}>
                <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                  <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {attachment.fileName}
                      </Text>
                      {attachment.isIdentity ? (
                        <Badge color="gray" variant="light" tt="none" radius="sm">
                          {t('attachments.identityBadge')}
                        </Badge>
                      ) : null}
                    </Group>
                    {attachment.description ? <Text size="sm">{attachment.description}</Text> : null}
                    <Text size="xs" c="dimmed">
                      {[
                        attachment.contentType,
                        formatBytes(attachment.sizeBytes, i18n.language),
                        formatDateTime(attachment.uploadedAt, i18n.language),
                      ].join(' · ')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      SHA-256:{' '}
                      <Code className="hash" fz="xs">
                        {attachment.sha256}
                      </Code>
                    </Text>
                  </div>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => download(attachment)}
                    aria-label={t('attachments.downloadFile', { name: attachment.fileName })}
                  >
                    {t('attachments.download')}
                  </Button>
                </Group>
              </li>
            ))}
          </ul>
        )}
        {canUpload ? (
          <UploadForm
            item={item}
            onUploaded={(name) => {
              setStatus(t('attachments.uploaded', { name }));
              onChanged();
            }}
          />
        ) : null}
      </Stack>
      <ReasonDialog attachment={asking} onClose={() => setAsking(undefined)} />
    </section>
  );
}
