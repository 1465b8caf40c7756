import { Group, Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/** Links between the pages of one area (registry, map, scorecards; or the training pages). */
export function SubNav({ label, links }: { label: string; links: { to: string; label: string }[] }) {
  const location = useLocation();
  return (
    <Group component="nav" aria-label={label} gap="md" wrap="wrap">
      {links.map((link) => {
        const current = location.pathname === link.to;
        return (
          <Anchor
            key={link.to}
            component={Link}
            to={link.to}
            fw={current ? 700 : 500}
            underline={current ? 'always' : 'hover'}
            aria-current={current ? 'page' : undefined}
            size="sm"
          >
            {link.label}
          </Anchor>
        );
      })}
    </Group>
  );
}
