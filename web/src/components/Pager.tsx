import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';

/** Previous / "Page 2 of 7" / Next, with the total count. */
export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  return (
    <Group
      justify="space-between"
      gap="xs"
      mt="sm"
      wrap="wrap"
      component="nav"
      aria-label={t('common.pagination')}
    >
      <Text size="sm" c="dimmed">
        {t('common.results', { count: formatNumber(total, i18n.language) })}
      </Text>
      {pages > 1 ? (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            disabled={page <= 1}
            onClick={() => onChange(Math.max(0, offset - limit))}
          >
            {t('common.previous')}
          </Button>
          <Text size="sm" aria-current="page">
            {t('common.pageOf', {
              page: formatNumber(page, i18n.language),
              pages: formatNumber(pages, i18n.language),
            })}
          </Text>
          <Button
            size="xs"
            variant="default"
            disabled={page >= pages}
            onClick={() => onChange(offset + limit)}
          >
            {t('common.next')}
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
