import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ACCUSED_ROLES,
  ARREST_STATUSES,
  BAIL_STATUSES,
  CUSTODY_STATUSES,
  FOREIGN_COUNTRIES,
  ID_DOCUMENT_TYPES,
  PERSON_ROLES,
  SEXES,
  type PersonRole,
} from '../../../api/types';
import {
  accusedRoleLabel,
  arrestLabel,
  bailLabel,
  countryLabel,
  custodyLabel,
  idDocumentLabel,
  personRoleLabel,
  sexLabel,
} from '../labels';
import { emptyPerson, isProtected, today, type FormErrors, type PersonDraft } from './model';
import { PlaceSearch } from './PlaceSearch';

type Setter = (key: keyof PersonDraft, value: PersonDraft[keyof PersonDraft]) => void;
/** The draft's plain text fields, the ones an input edits directly. */
type TextField = { [K in keyof PersonDraft]: PersonDraft[K] extends string ? K : never }[keyof PersonDraft];

function PersonFields({
  person,
  index,
  number,
  errors,
  set,
  onRemove,
}: {
  person: PersonDraft;
  index: number;
  /** The person's place among those of the same role: "Victim 1", "Accused 1". */
  number: number;
  errors: FormErrors;
  set: Setter;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const err = (field: keyof PersonDraft) => errors[`persons.${String(index)}.${field}`];
  const text = (
    field: TextField,
    label: string,
    extra: { description?: string; required?: boolean } = {},
  ) => (
    <TextInput
      label={label}
      value={person[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={err(field)}
      autoComplete="off"
      {...extra}
    />
  );
  const date = (field: TextField, label: string) => (
    <TextInput
      label={label}
      type="date"
      max={today()}
      value={person[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={err(field)}
    />
  );
  const select = (
    field: TextField,
    label: string,
    options: readonly string[],
    name: (value: string) => string,
    empty?: string,
  ) => (
    <NativeSelect
      label={label}
      value={person[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={err(field)}
      data={[
        ...(empty ? [{ value: '', label: empty }] : []),
        ...options.map((v) => ({ value: v, label: name(v) })),
      ]}
    />
  );
  const identity = isProtected(person.role);
  const heading = `${personRoleLabel(t, person.role)} ${String(number)}`;

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="fieldset"
      className="person-fieldset"
      data-testid="person-draft"
    >
      <legend className="visually-hidden">{heading}</legend>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" aria-hidden="true">
            {heading}
          </Title>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('caseForm.removePersonFor', { name: heading })}
          >
            {t('caseForm.remove')}
          </Button>
        </Group>
        {identity ? (
          <Text size="xs" c="dimmed">
            {t('caseForm.identityNote')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {text('name', t('caseForm.personName'), {
            required: true,
            description: t('caseForm.personNameHint'),
          })}
          {person.role !== 'rescuer' && person.role !== 'complainant'
            ? text('aliases', t('person.aliases'), { description: t('caseForm.listHint') })
            : null}
          {select('sex', t('person.sex'), SEXES, (v) => sexLabel(t, v))}
          {date('dateOfBirth', t('person.dateOfBirth'))}
          <TextInput
            label={t('caseForm.estimatedAge')}
            description={t('caseForm.estimatedAgeHint')}
            inputMode="numeric"
            value={person.ageYears}
            disabled={!!person.dateOfBirth}
            onChange={(event) => set('ageYears', event.currentTarget.value.replace(/[^0-9]/g, ''))}
            error={err('ageYears')}
          />
          {select('nationality', t('person.nationality'), ['IN', ...FOREIGN_COUNTRIES], (v) =>
            countryLabel(t, v),
          )}
          {identity || person.role === 'accused' ? text('fatherName', t('person.fatherName')) : null}
          {identity ? text('motherName', t('person.motherName')) : null}
          {identity ? text('spouseName', t('person.spouseName')) : null}
          {text('phones', t('person.phones'), { description: t('caseForm.phonesHint') })}
          {identity || person.role === 'accused' ? (
            <PlaceSearch
              label={t('person.homeDistrict')}
              kind="district"
              value={person.homeDistrict}
              onChange={(place) => set('homeDistrict', place)}
              error={err('homeDistrict')}
            />
          ) : null}
          {person.role === 'victim' ? date('rescuedOn', t('person.rescuedOn')) : null}
        </SimpleGrid>
        {identity || person.role === 'accused' ? (
          <Textarea
            label={t('person.address')}
            autosize
            minRows={1}
            maxLength={1000}
            value={person.address}
            onChange={(event) => set('address', event.currentTarget.value)}
            error={err('address')}
          />
        ) : null}
        {identity ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {select(
              'idDocumentType',
              t('caseForm.idType'),
              ID_DOCUMENT_TYPES,
              (v) => idDocumentLabel(t, v),
              t('caseForm.noDocument'),
            )}
            {text('idNumber', t('caseForm.idNumber'), { description: t('caseForm.idNumberHint') })}
          </SimpleGrid>
        ) : null}
        {person.role === 'accused' ? (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            {select('accusedRole', t('person.accusedRole'), ACCUSED_ROLES, (v) => accusedRoleLabel(t, v))}
            {select('arrestStatus', t('person.arrest'), ARREST_STATUSES, (v) => arrestLabel(t, v))}
            {date('arrestedOn', t('caseForm.arrestedOn'))}
            {select(
              'bailStatus',
              t('person.bail'),
              BAIL_STATUSES,
              (v) => bailLabel(t, v),
              t('caseForm.notKnown'),
            )}
            {select(
              'custodyStatus',
              t('person.custody'),
              CUSTODY_STATUSES,
              (v) => custodyLabel(t, v),
              t('caseForm.notKnown'),
            )}
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** People to add to the case: several victims, accused and others, each with the fields of their role. */
export function PersonsEditor({
  persons,
  onChange,
  errors,
  onEdited,
}: {
  persons: PersonDraft[];
  onChange: (persons: PersonDraft[]) => void;
  errors: FormErrors;
  /** A field (`persons.0.name`) or all people's (`persons`, when the positions shift) was changed. */
  onEdited: (path: string) => void;
}) {
  const { t } = useTranslation();
  const add = (role: PersonRole) => onChange([...persons, emptyPerson(role)]);
  return (
    <Stack gap="sm">
      {persons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseForm.noPersons')}
        </Text>
      ) : null}
      {persons.map((person, index) => (
        <PersonFields
          key={person.key}
          person={person}
          index={index}
          number={persons.slice(0, index + 1).filter((p) => p.role === person.role).length}
          errors={errors}
          set={(key, value) => {
            onChange(persons.map((p) => (p.key === person.key ? { ...p, [key]: value } : p)));
            onEdited(`persons.${String(index)}.${key}`);
          }}
          onRemove={() => {
            onChange(persons.filter((p) => p.key !== person.key));
            onEdited('persons');
          }}
        />
      ))}
      <Group gap="xs" wrap="wrap">
        {PERSON_ROLES.map((role) => (
          <Button key={role} variant="default" size="sm" onClick={() => add(role)}>
            {t('caseForm.addPerson', { role: personRoleLabel(t, role) })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
