/**
 * Corridors as a Sankey diagram: places of recruitment on the left, places of exploitation on the right,
 * each band as wide as its cases. d3-sankey only lays the diagram out; React draws the SVG.
 */
import { Text } from '@mantine/core';
import { sankey, sankeyLinkHorizontal, type SankeyGraph, type SankeyLink, type SankeyNode } from 'd3-sankey';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorridorRow } from '../../api/analytics';
import { formatNumber } from '../../i18n/format';
import { ROLE_COLORS } from './charts';
import { placeLabel } from './labels';

// Type aliases, not interfaces: d3-sankey's generics require an index signature, which only aliases get.
type FlowNode = {
  /** `o:` or `d:` and the place code: a place that is both an origin and a destination is two nodes. */
  id: string;
  side: 'origin' | 'destination';
  label: string;
};
type FlowLink = { key: string; origin: string; destination: string };
type LaidNode = SankeyNode<FlowNode, FlowLink>;
type LaidLink = SankeyLink<FlowNode, FlowLink>;

const WIDTH = 760;
/** Room beside the two columns for place names; longer names are cut, with the whole name in the tooltip. */
const LABEL_SPACE = 210;
const MAX_LABEL = 30;
const TOP = 26;
const ROW = 30;

const shorten = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** One node per place and side, one link per corridor, laid out between the two label columns. */
function layoutFlows(rows: readonly CorridorRow[]) {
  const nodes = new Map<string, FlowNode>();
  const links: LaidLink[] = [];
  for (const r of rows) {
    const origin = `o:${r.originCode}`;
    const destination = `d:${r.destinationCode}`;
    const originLabel = placeLabel(r.originName, r.originStateName);
    const destinationLabel = placeLabel(r.destinationName, r.destinationStateName);
    nodes.set(origin, { id: origin, side: 'origin', label: originLabel });
    nodes.set(destination, { id: destination, side: 'destination', label: destinationLabel });
    links.push({
      key: `${origin}>${destination}`,
      origin: originLabel,
      destination: destinationLabel,
      source: origin,
      target: destination,
      value: r.cases,
    });
  }
  const perSide = Math.max(
    1,
    ...(['origin', 'destination'] as const).map(
      (side) => [...nodes.values()].filter((n) => n.side === side).length,
    ),
  );
  const height = Math.max(200, TOP + perSide * ROW);
  const graph: SankeyGraph<FlowNode, FlowLink> = sankey<FlowNode, FlowLink>()
    .nodeId((n) => n.id)
    .nodeWidth(12)
    .nodePadding(14)
    .extent([
      [LABEL_SPACE, TOP],
      [WIDTH - LABEL_SPACE, height - 4],
    ])({ nodes: [...nodes.values()], links });
  return { graph, height };
}

/** The busiest corridors as flows; a picture only (role="img"): the table under it gives the same figures. */
export function FlowSankey({ rows, label }: { rows: readonly CorridorRow[]; label: string }) {
  const { t, i18n } = useTranslation();
  const gradient = useId();
  // d3-sankey cannot lay out an empty graph (it throws), so there is nothing to lay out without rows.
  const laid = useMemo(() => (rows.length > 0 ? layoutFlows(rows) : null), [rows]);
  if (!laid) return <Text c="dimmed">{t('analytics.empty')}</Text>;
  const { graph, height } = laid;
  const path = sankeyLinkHorizontal<FlowNode, FlowLink>();
  const count = (n: number) =>
    t('analytics.flowsCases', { count: n, formatted: formatNumber(n, i18n.language) });
  const nodes = graph.nodes as LaidNode[];
  return (
    // Wide enough to read on a phone: the chart scrolls sideways inside its panel, never the page.
    <div className="analytics-sankey-scroll">
      <svg
        viewBox={`0 0 ${String(WIDTH)} ${String(height)}`}
        role="img"
        aria-label={label}
        className="analytics-sankey"
        data-testid="flows-sankey"
      >
        <defs>
          {/* Every band runs between the same two columns, so one gradient serves them all. */}
          <linearGradient
            id={gradient}
            gradientUnits="userSpaceOnUse"
            x1={LABEL_SPACE}
            x2={WIDTH - LABEL_SPACE}
            y1={0}
            y2={0}
          >
            <stop offset="0%" stopColor={ROLE_COLORS.source} />
            <stop offset="100%" stopColor={ROLE_COLORS.destination} />
          </linearGradient>
        </defs>
        <text x={LABEL_SPACE} y={14} fontSize="12" fontWeight={600} fill="#495057">
          {t('analytics.flowsFrom')}
        </text>
        <text x={WIDTH - LABEL_SPACE} y={14} fontSize="12" fontWeight={600} fill="#495057" textAnchor="end">
          {t('analytics.flowsTo')}
        </text>
        <g fill="none" stroke={`url(#${gradient})`}>
          {(graph.links as LaidLink[]).map((l) => (
            <path
              key={l.key}
              d={path(l) ?? undefined}
              strokeWidth={Math.max(1, l.width ?? 1)}
              className="analytics-sankey-link"
            >
              <title>{`${l.origin} → ${l.destination}: ${count(l.value)}`}</title>
            </path>
          ))}
        </g>
        {nodes.map((n) => {
          const x0 = n.x0 ?? 0;
          const x1 = n.x1 ?? 0;
          const y0 = n.y0 ?? 0;
          const y1 = n.y1 ?? 0;
          const origin = n.side === 'origin';
          return (
            <g key={n.id} data-side={n.side}>
              <title>
                {`${t(origin ? 'analytics.flowsFrom' : 'analytics.flowsTo')}: ${n.label} — ${count(n.value ?? 0)}`}
              </title>
              <rect
                x={x0}
                y={y0}
                width={x1 - x0}
                height={Math.max(1, y1 - y0)}
                fill={origin ? ROLE_COLORS.source : ROLE_COLORS.destination}
              />
              <text
                x={origin ? x0 - 6 : x1 + 6}
                y={(y0 + y1) / 2}
                dy="0.35em"
                textAnchor={origin ? 'end' : 'start'}
                fontSize="12"
                fill="#212529"
              >
                {shorten(n.label)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
