import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRACTICE_CATEGORIES, PRACTICE_SUBMITTER_ROLES, type PracticeListItem } from '../../api/coordination';
import { hasRole, type Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { useSession } from '../../session/session';
import { label, STATUS_COLOURS } from './labels';

/** The compendium, searched in English or Hindi; the search and filters live in the address. */
export default function CompendiumPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { values, update } = useUrlFilters(['q', 'category', 'mine'] as const);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
  }, [debounced]);
  const list = useApiGet<Page<PracticeListItem>>('/api/compendium', {
    q: values.q,
    category: values.category,
    mine: values.mine === 'true' ? true : undefined,
    limit: 100,
  });
  usePage(t('coordination.compendium.title'), !list.loading);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('coordination.compendium.title')}</Title>
        {hasRole(me, PRACTICE_SUBMITTER_ROLES) && me?.jurisdiction.level !== 'national' ? (
          <Button component={Link} to="/coordination/compendium/new">
            {t('coordination.compendium.submit')}
          </Button>
        ) : null}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('coordination.compendium.search')}
          placeholder={t('coordination.compendium.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '2 1 240px' }}
          name="q"
        />
        <NativeSelect
          label={t('coordination.compendium.category')}
          value={values.category}
          onChange={(e) => update({ category: e.currentTarget.value })}
          data={[
            { value: '', label: t('coordination.compendium.all') },
            ...PRACTICE_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) })),
          ]}
          style={{ flex: '1 1 160px' }}
        />
        <Checkbox
          label={t('coordination.compendium.mine')}
          checked={values.mine === 'true'}
          onChange={(e) => update({ mine: e.currentTarget.checked ? 'true' : '' })}
        />
      </Group>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.results', { count: list.data?.total ?? 0 })}
      </Text>
      {list.data && list.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="empty">
          {t('coordination.compendium.empty')}
        </Text>
      ) : null}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }} data-testid="practice-list">
        {(list.data?.items ?? []).map((p) => (
          <Paper component="li" key={p.id} withBorder p="sm">
            <Stack gap={4}>
              <Anchor component={Link} to={`/coordination/compendium/${p.id}`} fw={600} lang={p.language}>
                {p.title}
              </Anchor>
              <Text size="sm" lang={p.language}>
                {p.summary}
              </Text>
              <Group gap="xs">
                <Badge variant="light">{label(t, 'category', p.category)}</Badge>
                {p.status !== 'published' ? (
                  <Badge color={STATUS_COLOURS[p.status] ?? 'gray'} variant="light">
                    {label(t, 'status', p.status)}
                  </Badge>
                ) : null}
                <Text size="xs" c="dimmed">
                  {t('coordination.compendium.byUnit', { unit: p.unit.name, state: p.state.name })}
                </Text>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
