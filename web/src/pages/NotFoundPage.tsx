import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePage } from '../components/PageReady';

/** "Not found" with a way home; pages use it for a record that does not exist or is out of reach. */
export function NotFoundContent({ title, text }: { title?: string; text?: string }) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  usePage(heading, true);
  return (
    <Stack gap="sm" data-testid="not-found">
      <Title order={1}>{heading}</Title>
      <Text>{text ?? t('notFound.text')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

export default function NotFoundPage() {
  return <NotFoundContent />;
}
