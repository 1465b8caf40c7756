import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColour, statusLabel } from './labels';

// A badge is one or two words: never cut to "Inter-Sta…" when a table squeezes its column.
const WHOLE = { minWidth: 'max-content' } as const;

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColour(status)}
      variant="light"
      tt="none"
      radius="sm"
      className="nowrap"
      style={WHOLE}
    >
      {statusLabel(t, status)}
    </Badge>
  );
}

/** Inter-State, cross-border and overdue markers, as words (not colour alone). */
export function CaseFlags({
  interState,
  crossBorder,
  overdue,
}: {
  interState: boolean;
  crossBorder: boolean;
  overdue: boolean;
}) {
  const { t } = useTranslation();
  if (!interState && !crossBorder && !overdue) return null;
  return (
    <Group gap={4} wrap="wrap">
      {overdue ? (
        <Badge color="red" variant="filled" tt="none" radius="sm" style={WHOLE}>
          {t('cases.flagOverdue')}
        </Badge>
      ) : null}
      {interState ? (
        <Badge color="cyan" variant="light" tt="none" radius="sm" style={WHOLE}>
          {t('cases.flagInterState')}
        </Badge>
      ) : null}
      {crossBorder ? (
        <Badge color="orange" variant="light" tt="none" radius="sm" style={WHOLE}>
          {t('cases.flagCrossBorder')}
        </Badge>
      ) : null}
    </Group>
  );
}
