import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DataSource } from '../api/types';
import { useApiGet } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice } from '../components/feedback';
import { usePage } from '../components/PageReady';

/** Links in a source description become links; the rest stays text. */
function SourceText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s)]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <Anchor key={index} href={part} target="_blank" rel="noreferrer" size="sm">
            {part}
          </Anchor>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

export default function AboutPage() {
  const { t } = useTranslation();
  // Public: signed-out visitors see it too, so a 401 must not bounce them to the login page.
  const sources = useApiGet<DataSource[]>('/api/reference/sources', undefined, { authRedirect: false });
  usePage(t('about.title'), !sources.loading);

  const columns: Column<DataSource>[] = [
    {
      key: 'name',
      header: t('about.name'),
      render: (source) => (
        <Text size="sm" fw={600}>
          {source.name}
        </Text>
      ),
    },
    { key: 'what', header: t('about.what'), render: (source) => <Text size="sm">{source.what}</Text> },
    {
      key: 'source',
      header: t('about.source'),
      render: (source) => (
        <Text size="sm">
          <SourceText text={source.source} />
        </Text>
      ),
    },
    {
      key: 'licence',
      header: t('about.licence'),
      render: (source) => <Text size="sm">{source.licence}</Text>,
    },
  ];

  return (
    <Stack gap="md">
      <Title order={1}>{t('about.title')}</Title>
      <Text>{t('about.intro')}</Text>
      <Paper withBorder p="md" radius="md" bg="indigo.0">
        <Text size="sm">{t('about.privacy')}</Text>
      </Paper>
      <section aria-labelledby="about-sources">
        <Title order={2} size="h3" id="about-sources" mb="sm">
          {t('about.sources')}
        </Title>
        <ErrorNotice error={sources.error} onRetry={sources.reload} />
        {sources.data && !sources.error ? (
          <DataTable
            caption={t('about.sources')}
            columns={columns}
            rows={sources.data}
            rowKey={(source) => source.name}
            empty={t('about.none')}
          />
        ) : null}
      </section>
      <Text size="sm" c="dimmed">
        {t('about.licenceApp')}
      </Text>
    </Stack>
  );
}
