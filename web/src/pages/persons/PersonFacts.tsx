import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../api/types';
import { formatDate, formatNumber } from '../../i18n/format';
import {
  accusedRoleLabel,
  arrestLabel,
  bailLabel,
  countryLabel,
  custodyLabel,
  sexLabel,
} from '../cases/labels';

/** Who the person is as everyone on the case may see it: a name, or a pseudonym when identity is masked. */
export function PersonName({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" component="span">
      <Text span fw={600}>
        {person.displayName ?? person.pseudonym}
      </Text>
      {person.displayName ? (
        <Text span size="xs" c="dimmed">
          {person.pseudonym}
        </Text>
      ) : null}
      {person.identityMasked ? (
        <Badge color="gray" variant="light" tt="none" radius="sm">
          {t('person.identityMasked')}
        </Badge>
      ) : null}
      {person.isChild ? (
        <Badge color="orange" variant="light" tt="none" radius="sm">
          {t('person.child')}
        </Badge>
      ) : null}
    </Group>
  );
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div className="card-field">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The non-identifying facts: sex, age, nationality, home district, and for the accused arrest and bail. */
export function PersonFacts({ person }: { person: PersonView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const age =
    person.ageYears !== null
      ? t(person.ageIsEstimate ? 'person.ageEstimated' : 'person.ageExact', {
          age: formatNumber(person.ageYears, language),
          date: formatDate(person.ageOn, language) ?? '',
        })
      : null;
  return (
    <dl className="card-fields">
      <Row label={t('person.sex')} value={sexLabel(t, person.sex)} />
      <Row label={t('person.age')} value={age} />
      <Row label={t('person.nationality')} value={countryLabel(t, person.nationality)} />
      <Row
        label={t('person.homeDistrict')}
        value={person.homeDistrict ? `${person.homeDistrict.name}, ${person.homeDistrict.stateName}` : null}
      />
      <Row label={t('person.rescuedOn')} value={formatDate(person.rescuedOn, language)} />
      <Row
        label={t('person.accusedRole')}
        value={person.accusedRole ? accusedRoleLabel(t, person.accusedRole) : null}
      />
      <Row
        label={t('person.arrest')}
        value={
          person.arrestStatus
            ? `${arrestLabel(t, person.arrestStatus)}${
                person.arrestedOn ? ` · ${formatDate(person.arrestedOn, language) ?? ''}` : ''
              }`
            : null
        }
      />
      <Row label={t('person.bail')} value={person.bailStatus ? bailLabel(t, person.bailStatus) : null} />
      <Row
        label={t('person.custody')}
        value={person.custodyStatus ? custodyLabel(t, person.custodyStatus) : null}
      />
    </dl>
  );
}
