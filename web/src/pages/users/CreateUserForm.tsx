import {
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { ROLES, isRole, type NewUser, type Page, type Unit } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { roleLabel } from '../../components/labels';

export const MIN_PASSWORD_LENGTH = 12;
const USERNAME = /^[A-Za-z0-9._-]{3,60}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUserFields {
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  email: string;
  password: string;
}

export type FieldErrors = Partial<Record<keyof NewUserFields, string>>;

const EMPTY: NewUserFields = { username: '', displayName: '', role: '', unitId: '', email: '', password: '' };

/** Field checks, with messages in the user's language; the server checks the same again. */
export function validateNewUser(fields: NewUserFields, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.username.trim()) errors.username = t('users.required');
  else if (!USERNAME.test(fields.username.trim())) errors.username = t('users.usernameFormat');
  if (!fields.displayName.trim()) errors.displayName = t('users.required');
  if (!isRole(fields.role)) errors.role = t('users.required');
  if (!fields.unitId) errors.unitId = t('users.unitRequired');
  if (fields.email.trim() && !EMAIL.test(fields.email.trim())) errors.email = t('users.emailFormat');
  if (!fields.password) errors.password = t('users.required');
  else if (Array.from(fields.password).length < MIN_PASSWORD_LENGTH)
    errors.password = t('users.passwordLength');
  return errors;
}

function unitLabel(unit: Unit): string {
  const where = unit.districtName ?? unit.stateName;
  return where ? `${unit.name} (${where})` : unit.name;
}

/** The fields the server named in a 400 `invalid_request`, e.g. `body.password` or `/password`. */
function fieldsNamedBy(error: ApiError): (keyof NewUserFields)[] {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [];
  const names = new Set<keyof NewUserFields>();
  for (const issue of issues as { instancePath?: unknown; params?: { missingProperty?: unknown } }[]) {
    const raw = [issue.instancePath, issue.params?.missingProperty].filter((v) => typeof v === 'string');
    for (const path of raw) {
      const name = path.replace(/^\//, '').split('/')[0] ?? '';
      if (Object.hasOwn(EMPTY, name)) names.add(name as keyof NewUserFields);
    }
  }
  return [...names];
}

export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (username: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<NewUserFields>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [unitSearch, setUnitSearch] = useState('');
  const [unitQuery] = useDebouncedValue(unitSearch, 300);
  const [chosenUnit, setChosenUnit] = useState<Unit | undefined>(undefined);
  // Once a unit is chosen the box shows its label; do not search for that label.
  const searching = !chosenUnit || unitLabel(chosenUnit) !== unitQuery;
  const units = useApiGet<Page<Unit>>('/api/units', { q: searching ? unitQuery : '', limit: 20 });

  const unitOptions = [
    ...(chosenUnit ? [chosenUnit] : []),
    ...(units.data?.items ?? []).filter((unit) => unit.id !== chosenUnit?.id),
  ].map((unit) => ({ value: unit.id, label: unitLabel(unit) }));

  const set = (key: keyof NewUserFields, value: string) => {
    setFields((previous) => ({ ...previous, [key]: value }));
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateNewUser(fields, t);
    setErrors(found);
    if (Object.keys(found).length > 0 || !isRole(fields.role)) return;
    const body: NewUser = {
      username: fields.username.trim(),
      displayName: fields.displayName.trim(),
      role: fields.role,
      unitId: fields.unitId,
      password: fields.password,
      ...(fields.email.trim() ? { email: fields.email.trim() } : {}),
    };
    setBusy(true);
    setError(undefined);
    api
      .post<unknown>('/api/users', body)
      .then(() => {
        setBusy(false);
        setFields(EMPTY);
        setChosenUnit(undefined);
        onCreated(body.username);
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
        if (failure instanceof ApiError && failure.status === 409) {
          setErrors({ username: t('users.usernameTaken') });
        } else if (failure instanceof ApiError && failure.status === 400) {
          const named = fieldsNamedBy(failure);
          setErrors(Object.fromEntries(named.map((name) => [name, t('users.checkField')])));
        }
      });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="create-user-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="create-user-title">
            {t('users.createTitle')}
          </Title>
          <ErrorNotice error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('users.username')}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={fields.username}
              onChange={(event) => set('username', event.currentTarget.value)}
              error={errors.username}
            />
            <TextInput
              label={t('users.displayName')}
              required
              autoComplete="off"
              value={fields.displayName}
              onChange={(event) => set('displayName', event.currentTarget.value)}
              error={errors.displayName}
            />
            <NativeSelect
              label={t('users.role')}
              required
              value={fields.role}
              onChange={(event) => set('role', event.currentTarget.value)}
              error={errors.role}
              data={[
                { value: '', label: t('users.chooseRole'), disabled: true },
                ...ROLES.map((role) => ({ value: role, label: roleLabel(t, role) })),
              ]}
            />
            <Select
              label={t('users.unitSearch')}
              placeholder={t('users.unitPlaceholder')}
              required
              searchable
              data={unitOptions}
              value={fields.unitId || null}
              onChange={(value) => {
                set('unitId', value ?? '');
                setChosenUnit(
                  value ? (units.data?.items.find((unit) => unit.id === value) ?? chosenUnit) : undefined,
                );
              }}
              searchValue={unitSearch}
              onSearchChange={setUnitSearch}
              filter={({ options }) => options}
              nothingFoundMessage={units.loading ? t('app.loading') : t('users.unitNothing')}
              error={errors.unitId ?? (units.error ? t('errors.title') : undefined)}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('users.email')}
              description={t('common.optional')}
              type="email"
              autoComplete="off"
              value={fields.email}
              onChange={(event) => set('email', event.currentTarget.value)}
              error={errors.email}
            />
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordDescription')}
              required
              autoComplete="new-password"
              value={fields.password}
              onChange={(event) => set('password', event.currentTarget.value)}
              error={errors.password}
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {t('users.createSubmit')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
