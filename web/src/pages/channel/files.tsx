import type { TFunction } from 'i18next';
import { Button, Code, FileInput, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentUpload, ThreadAttachment } from '../../api/channel';
import { fetchFile, saveBlob } from '../../api/client';
import { ErrorNotice } from '../../components/feedback';
import { formatBytes } from '../../i18n/format';

type UploadType = AttachmentUpload['contentType'];
const TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
] as const satisfies readonly UploadType[];

function isUploadType(type: string): type is UploadType {
  return (TYPES as readonly string[]).includes(type);
}
/** The server takes up to 3 files, 10 MB together. */
export const MAX_FILES = 3;
const MAX_BYTES = 10 * 1024 * 1024;

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

/** The files as the JSON API takes them (base64). */
export async function toUploads(files: File[]): Promise<AttachmentUpload[] | undefined> {
  if (files.length === 0) return undefined;
  return Promise.all(
    files.map(async (file) => {
      // Callers run checkFiles first, so this only guards against a caller that forgot to.
      if (!isUploadType(file.type)) throw new Error(`${file.name}: ${file.type} cannot be attached`);
      return {
        fileName: file.name.slice(0, 200),
        contentType: file.type,
        contentBase64: await toBase64(file),
      };
    }),
  );
}

/** Checks type, count and size before anything is sent; the message to show, or undefined when fine. */
export function checkFiles(t: TFunction, files: File[]): string | undefined {
  if (files.length > MAX_FILES) return t('channel.files.tooMany', { count: MAX_FILES });
  if (files.some((file) => !isUploadType(file.type))) return t('attachments.wrongType');
  if (files.reduce((sum, file) => sum + file.size, 0) > MAX_BYTES) return t('attachments.tooLarge');
  return undefined;
}

/** Picks up to three files to send with a message or an answer. */
export function FilesInput({
  files,
  onChange,
  error,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <FileInput
      label={t('channel.files.label')}
      description={t('channel.files.hint')}
      accept={TYPES.join(',')}
      multiple
      clearable
      value={files}
      onChange={onChange}
      error={error}
      data-testid="files-input"
    />
  );
}

/** Files in a request's thread: name, size, fingerprint and a download button (each download is audited). */
export function AttachmentList({ requestId, files }: { requestId: string; files: ThreadAttachment[] }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(undefined);
  if (files.length === 0) return null;
  const download = (file: ThreadAttachment) => {
    setError(undefined);
    fetchFile(`/api/requests/${encodeURIComponent(requestId)}/attachments/${encodeURIComponent(file.id)}`)
      .then((blob) => saveBlob(blob, file.fileName))
      .catch(setError);
  };
  return (
    <>
      <ul className="bare-list" data-testid="thread-attachments">
        {files.map((file) => (
          <li key={file.id}>
            <Group gap="xs" wrap="wrap" align="center">
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => download(file)}
                aria-label={t('attachments.downloadFile', { name: file.fileName })}
              >
                {t('attachments.download')}
              </Button>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {file.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatBytes(file.sizeBytes, i18n.language)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              SHA-256:{' '}
              <Code className="hash" fz="xs">
                {file.sha256}
              </Code>
            </Text>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </>
  );
}
