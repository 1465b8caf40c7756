import { Text } from '@mantine/core';

const COLOURS = {
  good: 'teal.9',
  bad: 'red.9',
  neutral: 'gray.7',
} as const;

/** A short coloured status word; plain text so it never gets cut off in a narrow column. */
export function StatusText({ tone, children }: { tone: keyof typeof COLOURS; children: string }) {
  return (
    <Text span size="sm" fw={600} c={COLOURS[tone]} className="nowrap">
      {children}
    </Text>
  );
}
