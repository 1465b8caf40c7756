import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { IdentityView, PersonView } from '../../api/types';
import { ErrorNotice } from '../../components/feedback';
import { formatDate } from '../../i18n/format';
import { idDocumentLabel, personRoleLabel } from '../cases/labels';

export const MIN_REASON = 5;

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div className="card-field">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * Asks why the user needs to see a protected person's identity, asks the server (which checks
 * need-to-know and writes the audit entry), and shows the identity here only, never on the page behind.
 */
export function RevealDialog({ person, onClose }: { person: PersonView | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [identity, setIdentity] = useState<IdentityView | undefined>(undefined);

  const close = () => {
    // Forget what was shown: the identity is not kept anywhere once the dialog closes.
    setIdentity(undefined);
    setReason('');
    setReasonError(undefined);
    setError(undefined);
    onClose();
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) return;
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t('reveal.reasonTooShort', { count: MIN_REASON }));
      return;
    }
    setReasonError(undefined);
    setError(undefined);
    setBusy(true);
    api
      .post<IdentityView>(`/api/persons/${encodeURIComponent(person.id)}/reveal`, { reason: reason.trim() })
      .then(setIdentity)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  const language = i18n.language;
  return (
    <Modal
      opened={person !== undefined}
      onClose={close}
      title={
        person
          ? t('reveal.title', { role: personRoleLabel(t, person.role), pseudonym: person.pseudonym })
          : ''
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      {identity ? (
        <Stack gap="sm" data-testid="revealed-identity">
          <Alert color="indigo" variant="light" role="status">
            <Text size="sm">{t('reveal.recorded')}</Text>
          </Alert>
          <dl className="card-fields">
            <Field label={t('person.name')} value={identity.name} />
            <Field label={t('person.aliases')} value={identity.aliases.join(', ')} />
            <Field label={t('person.dateOfBirth')} value={formatDate(identity.dateOfBirth, language)} />
            <Field label={t('person.fatherName')} value={identity.fatherName} />
            <Field label={t('person.motherName')} value={identity.motherName} />
            <Field label={t('person.spouseName')} value={identity.spouseName} />
            <Field label={t('person.address')} value={identity.address} />
            <Field label={t('person.phones')} value={identity.phones.join(', ')} />
            <Field
              label={t('person.idDocument')}
              value={
                identity.idDocumentType
                  ? `${idDocumentLabel(t, identity.idDocumentType)}${
                      identity.idNumberLast4
                        ? ` · ${t('person.last4', { digits: identity.idNumberLast4 })}`
                        : ''
                    }`
                  : null
              }
            />
          </dl>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {t('reveal.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('reveal.explain')}</Text>
            <Textarea
              label={t('reveal.reason')}
              description={t('reveal.reasonHint', { count: MIN_REASON })}
              required
              autosize
              minRows={2}
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
                {t('reveal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
