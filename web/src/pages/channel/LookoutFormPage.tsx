import {
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LOOKOUT_UNIT_KINDS, SEVERITIES, type AlertView } from '../../api/channel';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { useStates } from '../../components/StateSelect';
import { newIdempotencyKey } from '../cases/form/model';
import { lookoutUnitKindLabel, severityLabel } from './labels';

/** "PNBE, rxl bju" → ["PNBE", "RXL", "BJU"]. */
function codes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

type Field = 'title' | 'body' | 'recipients' | 'stations' | 'crossings' | 'place';

/** A lookout broadcast to the border and railway units along a route, or in chosen States. */
export default function LookoutFormPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const states = useStates();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('warning');
  const [validUntil, setValidUntil] = useState('');
  const [stations, setStations] = useState('');
  const [crossings, setCrossings] = useState('');
  const [place, setPlace] = useState('');
  const [stateLgds, setStateLgds] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>(['border_unit', 'railway_post']);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  usePage(t('channel.lookout.title'), !states.loading);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const stationCodes = codes(stations);
    const locodes = codes(crossings);
    const next: Partial<Record<Field, string>> = {};
    if (title.trim().length < 3) next.title = t('channel.lookout.titleRequired');
    if (!body.trim()) next.body = t('channel.lookout.bodyRequired');
    if (stationCodes.some((c) => !/^[A-Z0-9]{1,8}$/.test(c))) next.stations = t('channel.lookout.badStation');
    if (locodes.some((c) => !/^[A-Z]{5}$/.test(c))) next.crossings = t('channel.lookout.badCrossing');
    const placeCode = place.trim().toUpperCase();
    if (placeCode && !/^[A-Z]{5}$/.test(placeCode)) next.place = t('channel.lookout.badCrossing');
    if (stationCodes.length + locodes.length + stateLgds.length === 0)
      next.recipients = t('channel.lookout.recipientsRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setError(undefined);
    api
      .post<AlertView>(
        '/api/alerts',
        {
          title: title.trim(),
          body: body.trim(),
          severity,
          ...(validUntil ? { validUntil: new Date(validUntil).toISOString() } : {}),
          ...(placeCode ? { place: { borderCrossingLocode: placeCode } } : {}),
          recipients: {
            ...(stationCodes.length ? { stationCodes } : {}),
            ...(locodes.length ? { borderCrossingLocodes: locodes } : {}),
            ...(stateLgds.length ? { stateLgds: stateLgds.map(Number) } : {}),
            ...(kinds.length ? { unitKinds: kinds } : {}),
          },
        },
        { headers: { 'Idempotency-Key': idempotencyKey } },
      )
      .then((view) => navigate(`/alerts/${view.id}`))
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };

  const stateOptions = [...(states.data ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({
      value: String(s.lgdCode),
      label: i18n.language === 'hi' && s.nameHi ? s.nameHi : s.name,
    }));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/alerts" size="sm">
        ← {t('channel.alert.backToList')}
      </Anchor>
      <div>
        <Title order={1}>{t('channel.lookout.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('channel.lookout.intro')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate aria-label={t('channel.lookout.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('channel.lookout.headline')}
            description={t('channel.lookout.headlineHint')}
            required
            maxLength={200}
            value={title}
            error={errors.title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <Textarea
            label={t('channel.lookout.body')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={body}
            error={errors.body}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('channel.lookout.severity')}
              value={severity}
              onChange={(event) => setSeverity(event.currentTarget.value as (typeof SEVERITIES)[number])}
              data={SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) }))}
            />
            <TextInput
              label={t('channel.lookout.validUntil')}
              description={t('common.optional')}
              type="datetime-local"
              value={validUntil}
              onChange={(event) => setValidUntil(event.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label={t('channel.lookout.placeCrossing')}
            description={t('channel.lookout.placeCrossingHint')}
            maxLength={5}
            value={place}
            error={errors.place}
            onChange={(event) => setPlace(event.currentTarget.value)}
            autoComplete="off"
          />
          <Title order={2} size="h4" mt="sm">
            {t('channel.lookout.recipients')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('channel.lookout.stations')}
              description={t('channel.lookout.stationsHint')}
              value={stations}
              error={errors.stations}
              onChange={(event) => setStations(event.currentTarget.value)}
              autoComplete="off"
            />
            <TextInput
              label={t('channel.lookout.crossings')}
              description={t('channel.lookout.crossingsHint')}
              value={crossings}
              error={errors.crossings}
              onChange={(event) => setCrossings(event.currentTarget.value)}
              autoComplete="off"
            />
          </SimpleGrid>
          <MultiSelect
            label={t('channel.lookout.states')}
            description={t('channel.lookout.statesHint')}
            data={stateOptions}
            value={stateLgds}
            onChange={setStateLgds}
            searchable
            clearable
          />
          <Checkbox.Group label={t('channel.lookout.unitKinds')} value={kinds} onChange={setKinds}>
            <Group gap="md" mt={6} wrap="wrap">
              {LOOKOUT_UNIT_KINDS.map((kind) => (
                <Checkbox key={kind} value={kind} label={lookoutUnitKindLabel(t, kind)} />
              ))}
            </Group>
          </Checkbox.Group>
          {errors.recipients ? (
            <Text size="sm" c="red.8" role="alert">
              {errors.recipients}
            </Text>
          ) : null}
          <ErrorNotice error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('channel.lookout.submit')}
            </Button>
            <Button component={Link} to="/alerts" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
