// Radio is used only here; its styles come with this page's chunk.
import '@mantine/core/styles/Radio.layer.css';
import { Alert, Button, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { PublicPlace, PublicTipReceipt } from '../api/coordination';
import { useApiGet } from '../api/useApi';
import { ErrorNotice, StatusNotice } from '../components/feedback';
import { usePage } from '../components/PageReady';

/**
 * The public tip line: anyone, signed in or not, reports suspected trafficking in English or Hindi.
 * Nothing identifies the sender unless they choose to leave a contact.
 */
export default function TipPage() {
  const { t, i18n } = useTranslation();
  usePage(t('coordination.tipPage.title'), true);
  const [whatSeen, setWhatSeen] = useState('');
  const [placeQuery, setPlaceQuery] = useState('');
  const [district, setDistrict] = useState('');
  const [placeDetail, setPlaceDetail] = useState('');
  const [seenAt, setSeenAt] = useState('');
  const [contact, setContact] = useState('');
  const [website, setWebsite] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [pickError, setPickError] = useState(false);
  const [receipt, setReceipt] = useState<PublicTipReceipt>();
  const [debounced] = useDebouncedValue(placeQuery.trim(), 300);
  const places = useApiGet<PublicPlace[]>(
    debounced.length >= 2 ? '/api/public/places' : null,
    { q: debounced },
    {
      authRedirect: false,
    },
  );

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setPickError(false);
    if (!district) {
      setPickError(true);
      return;
    }
    setBusy(true);
    try {
      const result = await api.post<PublicTipReceipt>(
        '/api/public/tips',
        {
          whatSeen,
          districtLgd: Number(district),
          ...(placeDetail.trim() ? { placeDetail } : {}),
          ...(seenAt.trim() ? { seenAt } : {}),
          ...(contact.trim() ? { contact } : {}),
          language: i18n.language === 'hi' ? 'hi' : 'en',
          website,
        },
        { authRedirect: false },
      );
      setReceipt(result);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setReceipt(undefined);
    setWhatSeen('');
    setPlaceDetail('');
    setSeenAt('');
    setContact('');
  };

  if (receipt) {
    return (
      <Stack gap="md" maw={640}>
        <Title order={1}>{t('coordination.tipPage.title')}</Title>
        <StatusNotice
          message={
            receipt.routedTo === 'state_office'
              ? t('coordination.tipPage.thanksState')
              : t('coordination.tipPage.thanks')
          }
        />
        {receipt.reference ? (
          <Text data-testid="tip-reference">
            {t('coordination.tipPage.reference', { ref: receipt.reference })}
          </Text>
        ) : null}
        <Button variant="default" onClick={reset} w="fit-content">
          {t('coordination.tipPage.another')}
        </Button>
      </Stack>
    );
  }

  const options = places.data ?? [];
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('coordination.tipPage.title')}</Title>
      <Text>{t('coordination.tipPage.intro')}</Text>
      <Alert color="red" variant="light" role="note">
        {t('coordination.tipPage.emergency')}
      </Alert>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('coordination.tipPage.whatSeen')}
            description={t('coordination.tipPage.whatSeenHint')}
            required
            minRows={4}
            autosize
            maxLength={4000}
            value={whatSeen}
            onChange={(e) => setWhatSeen(e.currentTarget.value)}
            name="whatSeen"
          />
          <TextInput
            label={t('coordination.tipPage.district')}
            description={t('coordination.tipPage.districtHint')}
            required
            value={placeQuery}
            onChange={(e) => {
              setPlaceQuery(e.currentTarget.value);
              setDistrict('');
            }}
            name="placeSearch"
            autoComplete="off"
            error={pickError && options.length === 0 ? t('coordination.tipPage.districtPick') : undefined}
          />
          {options.length > 0 ? (
            <Radio.Group
              label={t('coordination.tipPage.districtPick')}
              value={district}
              onChange={setDistrict}
              name="district"
              error={pickError ? t('coordination.tipPage.districtPick') : undefined}
            >
              <Stack gap={6} mt={4}>
                {options.map((p) => (
                  <Radio key={p.districtLgd} value={String(p.districtLgd)} label={p.label} />
                ))}
              </Stack>
            </Radio.Group>
          ) : null}
          <TextInput
            label={t('coordination.tipPage.placeDetail')}
            maxLength={300}
            value={placeDetail}
            onChange={(e) => setPlaceDetail(e.currentTarget.value)}
            name="placeDetail"
          />
          <TextInput
            label={t('coordination.tipPage.seenAt')}
            description={t('coordination.tipPage.seenAtHint')}
            maxLength={100}
            value={seenAt}
            onChange={(e) => setSeenAt(e.currentTarget.value)}
            name="seenAt"
          />
          <TextInput
            label={t('coordination.tipPage.contact')}
            description={t('coordination.tipPage.contactHint')}
            maxLength={200}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            name="contact"
            autoComplete="off"
          />
          {/* A trap for bots: hidden from people and from screen readers, skipped by the keyboard. */}
          <div
            style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
            aria-hidden="true"
          >
            <label>
              {t('coordination.tipPage.website')}
              <input
                type="text"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={website}
                onChange={(e) => setWebsite(e.currentTarget.value)}
              />
            </label>
          </div>
          <Text size="sm" c="dimmed">
            {t('coordination.tipPage.privacy')}
          </Text>
          <ErrorNotice error={error} />
          <Button type="submit" loading={busy} w="fit-content">
            {t('coordination.tipPage.send')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
