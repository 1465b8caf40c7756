import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePage } from '../components/PageReady';

export default function ForbiddenPage() {
  const { t } = useTranslation();
  usePage(t('forbidden.title'), true);
  return (
    <Stack gap="sm">
      <Title order={1}>{t('forbidden.title')}</Title>
      <Text>{t('forbidden.text')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
