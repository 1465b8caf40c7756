import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CarePlan } from '../../api/restoration';
import { ErrorNotice } from '../../components/feedback';

/** The plan's goals, the consent recorded and the bonded-labour release certificate, for the responsible unit. */
export function PlanForm({ plan, onDone }: { plan: CarePlan; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    shelter: plan.shelter ?? '',
    medical: plan.medical ?? '',
    counselling: plan.counselling ?? '',
    legalAid: plan.legalAid ?? '',
    educationSkills: plan.educationSkills ?? '',
    consentTracing: plan.consentTracing ?? false,
    consentSharing: plan.consentSharing ?? false,
    consentGivenBy: plan.consentGivenBy ?? '',
    consentRecordedOn: plan.consentRecordedOn ?? '',
    bondedLabourCertificateNumber: plan.bondedLabourCertificateNumber ?? '',
    bondedLabourCertificateOn: plan.bondedLabourCertificateOn ?? '',
    bondedLabourCertificateBy: plan.bondedLabourCertificateBy ?? '',
  });
  const [error, setError] = useState<unknown>(null);
  const text = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((p) => ({ ...p, [k]: value }));
  };
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  const consentGiven = v.consentGivenBy !== '';
  const submit = () => {
    setError(null);
    api
      .patch(`/api/care/plans/${plan.id}`, {
        shelter: opt(v.shelter),
        medical: opt(v.medical),
        counselling: opt(v.counselling),
        legalAid: opt(v.legalAid),
        educationSkills: opt(v.educationSkills),
        ...(consentGiven
          ? {
              consentTracing: v.consentTracing,
              consentSharing: v.consentSharing,
              consentGivenBy: v.consentGivenBy,
              consentRecordedOn: opt(v.consentRecordedOn),
            }
          : {}),
        bondedLabourCertificateNumber: opt(v.bondedLabourCertificateNumber),
        bondedLabourCertificateOn: opt(v.bondedLabourCertificateOn),
        bondedLabourCertificateBy: opt(v.bondedLabourCertificateBy),
      })
      .then(onDone, setError);
  };
  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('restoration.care.editPlan')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('restoration.care.editPlan')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('restoration.services.shelter')}
              value={v.shelter}
              onChange={text('shelter')}
            />
            <TextInput
              label={t('restoration.services.medical')}
              value={v.medical}
              onChange={text('medical')}
            />
            <TextInput
              label={t('restoration.services.counselling')}
              value={v.counselling}
              onChange={text('counselling')}
            />
            <TextInput
              label={t('restoration.services.legal_aid')}
              value={v.legalAid}
              onChange={text('legalAid')}
            />
            <TextInput
              label={t('restoration.care.educationSkills')}
              value={v.educationSkills}
              onChange={text('educationSkills')}
            />
          </SimpleGrid>
          <Title order={3} size="h4">
            {t('restoration.care.consent')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('restoration.care.consentBy')}
              value={v.consentGivenBy}
              onChange={text('consentGivenBy')}
              data={[
                { value: '', label: t('restoration.care.noConsent') },
                { value: 'person', label: t('restoration.consentBy.person') },
                { value: 'guardian', label: t('restoration.consentBy.guardian') },
                { value: 'cwc', label: t('restoration.consentBy.cwc') },
              ]}
            />
            <TextInput
              type="date"
              label={t('restoration.care.consentOn')}
              value={v.consentRecordedOn}
              onChange={text('consentRecordedOn')}
              disabled={!consentGiven}
            />
            <Checkbox
              label={t('restoration.care.consentTracing')}
              checked={v.consentTracing}
              disabled={!consentGiven}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setV((p) => ({ ...p, consentTracing: checked }));
              }}
            />
            <Checkbox
              label={t('restoration.care.consentSharing')}
              checked={v.consentSharing}
              disabled={!consentGiven}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setV((p) => ({ ...p, consentSharing: checked }));
              }}
            />
          </SimpleGrid>
          <Title order={3} size="h4">
            {t('restoration.care.certificate')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('restoration.care.certificateNumber')}
              value={v.bondedLabourCertificateNumber}
              onChange={text('bondedLabourCertificateNumber')}
            />
            <TextInput
              type="date"
              label={t('restoration.care.certificateOn')}
              value={v.bondedLabourCertificateOn}
              onChange={text('bondedLabourCertificateOn')}
            />
            <TextInput
              label={t('restoration.care.certificateBy')}
              value={v.bondedLabourCertificateBy}
              onChange={text('bondedLabourCertificateBy')}
            />
          </SimpleGrid>
          <ErrorNotice error={error ?? undefined} />
          <Group>
            <Button type="submit">{t('restoration.restoration.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
