/**
 * Small charts drawn by hand (HTML bars and one SVG column chart): they stay readable at 360 px and
 * follow the theme's contrast. The one layout worth a library, the flows chart, is in FlowSankey.tsx.
 */
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';

export interface Bar {
  key: string;
  label: ReactNode;
  value: number;
  /** Shown after the value, e.g. a share. */
  note?: string;
  color?: string;
}

/** Labelled horizontal bars, longest first as given; a list, so screen readers read label and value. */
export function BarList({ bars, label }: { bars: Bar[]; label: string }) {
  const { i18n } = useTranslation();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="analytics-bars" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key}>
          <div className="analytics-bar-label">{b.label}</div>
          <div className="analytics-bar-track" aria-hidden="true">
            <div
              className="analytics-bar-fill"
              style={{
                width: `${(100 * b.value) / max}%`,
                background: b.color ?? 'var(--mantine-color-indigo-7)',
              }}
            />
          </div>
          <div className="analytics-bar-value">
            {formatNumber(b.value, i18n.language)}
            {b.note ? <span className="analytics-bar-note"> {b.note}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export interface Series {
  key: string;
  label: string;
  color: string;
  values: number[];
}

/** Columns for the first series and lines for the others, over periods (months or years). */
export function TrendChart({
  periods,
  series,
  label,
}: {
  periods: string[];
  series: Series[];
  label: string;
}) {
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 8, top: 12, bottom: 28 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const step = periods.length > 0 ? innerW / periods.length : innerW;
  const x = (i: number) => pad.left + step * i + step / 2;
  const y = (v: number) => pad.top + innerH - (innerH * v) / max;
  const [columns, ...lines] = series;
  // Label at most ~12 periods so they never overlap.
  const every = Math.max(1, Math.ceil(periods.length / 12));
  return (
    <Stack gap={4}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="analytics-trend">
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="#495057" />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#495057">
          {max}
        </text>
        <text x={pad.left - 6} y={y(0)} textAnchor="end" fontSize="11" fill="#495057">
          0
        </text>
        {columns
          ? columns.values.map((v, i) => (
              <rect
                key={periods[i]}
                x={x(i) - (step * 0.7) / 2}
                width={step * 0.7}
                y={y(v)}
                height={Math.max(0, y(0) - y(v))}
                fill={columns.color}
              >
                <title>{`${periods[i] ?? ''}: ${String(v)}`}</title>
              </rect>
            ))
          : null}
        {lines.map((s) => (
          <polyline
            key={s.key}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            points={s.values.map((v, i) => `${String(x(i))},${String(y(v))}`).join(' ')}
          />
        ))}
        {periods.map((p, i) =>
          i % every === 0 ? (
            <text key={p} x={x(i)} y={height - 8} textAnchor="middle" fontSize="11" fill="#495057">
              {p}
            </text>
          ) : null,
        )}
      </svg>
      <Group gap="md">
        {series.map((s) => (
          <Group key={s.key} gap={6}>
            <span className="analytics-swatch" style={{ background: s.color }} aria-hidden="true" />
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** A titled panel around one figure, with the CSV download behind it. */
export function FigurePanel({
  title,
  csv,
  children,
  testId,
}: {
  title: string;
  csv?: string;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {csv ? (
          <Anchor href={csv} size="sm" download>
            {t('analytics.downloadCsv')}
          </Anchor>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}

/** Corridors (recruitment → exploitation) wherever they are drawn as bars. */
export const CORRIDOR_COLOR = '#5f3dc4';

export const ROLE_COLORS: Record<string, string> = {
  source: '#c92a2a',
  transit: '#e67700',
  destination: '#1864ab',
  mixed: '#5f3dc4',
};

export function percent(value: number | null, language: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value);
}
