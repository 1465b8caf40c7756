import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonView } from '../../api/types';
import { PersonFacts, PersonName } from '../persons/PersonFacts';
import { RevealDialog } from '../persons/RevealDialog';
import { personRoleLabel } from './labels';

function PersonCard({ person, onReveal }: { person: PersonView; onReveal: (person: PersonView) => void }) {
  const { t } = useTranslation();
  const label = person.displayName ?? person.pseudonym;
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="person-card">
      <Stack gap={6}>
        {person.role !== 'victim' && person.role !== 'accused' ? (
          <Text size="xs" c="dimmed" fw={600}>
            {personRoleLabel(t, person.role)}
          </Text>
        ) : null}
        <PersonName person={person} />
        <PersonFacts person={person} />
        <Group gap="xs" mt={4}>
          {person.identityMasked ? (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => onReveal(person)}
              aria-label={t('reveal.buttonFor', { name: label })}
            >
              {t('reveal.button')}
            </Button>
          ) : null}
          <Anchor
            component={Link}
            to={`/persons/${person.id}`}
            size="sm"
            aria-label={t('person.openFor', { name: label })}
          >
            {t('person.open')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Victims (identity masked, revealed only with a reason), accused, and the others in the case. */
export function PeopleSection({ persons }: { persons: PersonView[] }) {
  const { t } = useTranslation();
  const [revealing, setRevealing] = useState<PersonView | undefined>(undefined);
  const groups = [
    { key: 'victims', title: t('case.victims'), people: persons.filter((p) => p.role === 'victim') },
    { key: 'accused', title: t('case.accused'), people: persons.filter((p) => p.role === 'accused') },
    {
      key: 'others',
      title: t('case.otherPeople'),
      people: persons.filter((p) => p.role !== 'victim' && p.role !== 'accused'),
    },
  ].filter((group) => group.people.length > 0 || group.key !== 'others');

  return (
    <section aria-labelledby="case-people">
      <Title order={2} size="h3" id="case-people" mb="sm">
        {t('case.people')}
      </Title>
      <Stack gap="md">
        {groups.map((group) => (
          <div key={group.key}>
            <Title order={3} size="h5" mb={6}>
              {group.title}
            </Title>
            {group.people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('case.nobody')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" component="ul" className="bare-list">
                {group.people.map((person) => (
                  <PersonCard key={person.id} person={person} onReveal={setRevealing} />
                ))}
              </SimpleGrid>
            )}
          </div>
        ))}
      </Stack>
      <RevealDialog person={revealing} onClose={() => setRevealing(undefined)} />
    </section>
  );
}
