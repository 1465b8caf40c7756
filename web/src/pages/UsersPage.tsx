import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { hasRole, type Page, type UserRow } from '../api/types';
import { useApiGet } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice, StatusNotice } from '../components/feedback';
import { useUrlFilters } from '../components/filters';
import { roleLabel } from '../components/labels';
import { Pager } from '../components/Pager';
import { StatusText } from '../components/StatusText';
import { usePage } from '../components/PageReady';
import { formatDateTime } from '../i18n/format';
import { useSession } from '../session/session';
import { CreateUserForm } from './users/CreateUserForm';

const LIMIT = 25;
const FILTERS = ['q'] as const;

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const isAdmin = hasRole(me, ['system_admin']);
  const { values, offset, update } = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
  }, [debounced]);

  const users = useApiGet<Page<UserRow>>('/api/users', { q: values.q, limit: LIMIT, offset });
  usePage(t('users.title'), !users.loading);

  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const [resetTarget, setResetTarget] = useState<UserRow | undefined>(undefined);

  const act = (user: UserRow, path: string, done: string) => {
    setBusyId(user.id);
    setStatus(undefined);
    setActionError(undefined);
    api
      .post(`/api/users/${encodeURIComponent(user.id)}/${path}`)
      .then(() => {
        setStatus(done);
        users.reload();
      })
      .catch(setActionError)
      .finally(() => {
        setBusyId(undefined);
        setResetTarget(undefined);
      });
  };

  const columns: Column<UserRow>[] = [
    {
      key: 'name',
      header: t('users.name'),
      render: (user) => (
        <>
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.username}
          </Text>
        </>
      ),
    },
    { key: 'role', header: t('users.role'), render: (user) => roleLabel(t, user.role) },
    { key: 'unit', header: t('users.unit'), render: (user) => user.unit.name },
    {
      key: 'status',
      header: t('users.status'),
      render: (user) => (
        <Group gap={4}>
          {user.disabled ? <StatusText tone="neutral">{t('users.disabled')}</StatusText> : null}
          {user.locked ? <StatusText tone="bad">{t('users.locked')}</StatusText> : null}
          {!user.disabled && !user.locked ? <StatusText tone="good">{t('users.active')}</StatusText> : null}
        </Group>
      ),
    },
    {
      key: 'mfa',
      header: t('users.mfa'),
      render: (user) => (user.mfaEnrolled ? t('users.mfaOn') : t('users.mfaOff')),
    },
    {
      key: 'lastLogin',
      header: t('users.lastLogin'),
      render: (user) => formatDateTime(user.lastLoginAt, i18n.language) ?? t('common.never'),
    },
  ];
  if (isAdmin) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (user) =>
        user.locked || user.mfaEnrolled ? (
          <Group gap={4}>
            {user.locked ? (
              <Button
                size="compact-sm"
                variant="default"
                loading={busyId === user.id}
                aria-label={t('users.unlockFor', { name: user.displayName })}
                onClick={() => act(user, 'unlock', t('users.unlocked', { name: user.displayName }))}
              >
                {t('users.unlock')}
              </Button>
            ) : null}
            {user.mfaEnrolled ? (
              <Button
                size="compact-sm"
                variant="default"
                color="red"
                aria-label={t('users.resetMfaFor', { name: user.displayName })}
                onClick={() => setResetTarget(user)}
              >
                {t('users.resetMfa')}
              </Button>
            ) : null}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ),
    });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('users.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('users.intro')}
          </Text>
        </div>
        {isAdmin && !creating ? <Button onClick={() => setCreating(true)}>{t('users.create')}</Button> : null}
      </Group>
      {creating ? (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(username) => {
            setCreating(false);
            setStatus(t('users.created', { username }));
            users.reload();
          }}
        />
      ) : null}
      <StatusNotice message={status} />
      <ErrorNotice error={actionError} />
      <form role="search" aria-label={t('common.filters')} onSubmit={(event) => event.preventDefault()}>
        <TextInput
          label={t('users.search')}
          type="search"
          maw={420}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      </form>
      <ErrorNotice error={users.error} onRetry={users.reload} />
      {users.data && !users.error ? (
        <div aria-busy={users.loading}>
          <DataTable
            caption={t('users.title')}
            columns={columns}
            rows={users.data.items}
            rowKey={(user) => user.id}
            empty={t('users.none')}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={users.data.total}
            onChange={(next) => update({ offset: next })}
          />
        </div>
      ) : null}
      <Modal
        opened={resetTarget !== undefined}
        onClose={() => setResetTarget(undefined)}
        title={t('users.resetMfaTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('users.resetMfaText', { name: resetTarget?.displayName ?? '' })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setResetTarget(undefined)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={resetTarget !== undefined && busyId === resetTarget.id}
              onClick={() => {
                if (resetTarget) {
                  act(resetTarget, 'reset-mfa', t('users.mfaReset', { name: resetTarget.displayName }));
                }
              }}
            >
              {t('users.resetMfaConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
