// What the map's colours and shapes mean, on the region's first monitor. Lines follow the shown partition.
import type { CSSProperties } from 'react';
import type { GridKind } from '../../../electron/common/geo/grid-schema.ts';
import { useHallState } from '../hall-context.tsx';
import { useSite } from '../use-site.ts';
import { CASE_POINT, CASE_STAGE_FILL, CLUSTER, departmentColor, GLOBE_BASE, KIND_FILL, LEVEL_LINE, MAP_BACKGROUND, MISMATCH, PARTITION_LINE, POI_COLOR, UNCOVERED } from './map-style.ts';
import type { Partition } from './partition-layer.ts';
import { useWallWords } from './wall-words.ts';
import { FLOOD_LOOK } from './flood-marks.ts';

const LEVEL_WORD = { street: 'legendStreet', zone: 'legendZone', small: 'legendSmall', micro: 'legendMicro' } as const;
const KIND_WORD = { residential: 'legendResidential', streetfront: 'legendStreetfront', extended: 'legendExtended' } as const;

interface Entry { label: string; shape: 'line' | 'dot' | 'glyph' | 'area'; style: CSSProperties; glyph?: string }

const line = (color: string, width: number, dashed = false): CSSProperties => ({ borderTop: `${width + 1}px ${dashed ? 'dashed' : 'solid'} ${color}` });
const dot = (fill: string, ring: string): CSSProperties => ({ background: fill, boxShadow: `0 0 0 4px ${ring}` });
/** A micro grid's ground as the map mixes it: its kind's tint over the globe, or the plain globe. */
const area = (kind: GridKind): CSSProperties => {
  const tint = KIND_FILL[kind];
  return { background: tint ? `color-mix(in srgb, ${tint.color} ${tint.alpha * 100}%, ${GLOBE_BASE})` : GLOBE_BASE };
};

/** The overlay's fill as the map mixes it, hatched as the map hatches it. */
const hatched: CSSProperties = {
  background: `repeating-linear-gradient(-45deg, ${UNCOVERED.hatch} 0 2px, color-mix(in srgb, ${UNCOVERED.fill} ${UNCOVERED.alpha * 100}%, ${GLOBE_BASE}) 2px 7px)`,
};

export function MapLegend({ partition, uncovered }: { partition: Partition; uncovered: boolean }) {
  const words = useWallWords();
  const site = useSite();
  // The departments whose forces are on the map, in the site's order.
  const { forces } = useHallState();
  const present = new Set(forces.map((f) => f.department));
  const departments = site.site.departments.filter((d) => present.has(d.id)).map((d) => d.id);
  const lines: Entry[] =
    partition === 'cityOps'
      ? (['street', 'zone', 'small', 'micro'] as const).map((level) => ({
          label: words(LEVEL_WORD[level]), shape: 'line', style: line(LEVEL_LINE[level].color, LEVEL_LINE[level].widthPx),
        }))
      : [{ label: words(partition === 'police' ? 'legendPolice' : 'legendGovernance'), shape: 'line', style: line(PARTITION_LINE[partition].color, PARTITION_LINE[partition].widthPx) }];
  const entries: Entry[] = [
    ...lines,
    { label: words('legendMismatch'), shape: 'line', style: line(MISMATCH.color, MISMATCH.widthPx, true) },
    ...(Object.keys(KIND_WORD) as GridKind[]).map((kind): Entry => ({ label: words(KIND_WORD[kind]), shape: 'area', style: area(kind) })),
    ...(uncovered ? [{ label: words('legendUncovered'), shape: 'area' as const, style: hatched }] : []),
    { label: words('legendWaiting'), shape: 'dot', style: dot(CASE_STAGE_FILL.waiting, MAP_BACKGROUND) },
    { label: words('legendWorking'), shape: 'dot', style: dot(CASE_STAGE_FILL.working, MAP_BACKGROUND) },
    { label: words('legendUrgent'), shape: 'dot', style: dot(CASE_STAGE_FILL.waiting, CASE_POINT.urgent.color) },
    { label: words('legendCluster'), shape: 'dot', style: dot(CLUSTER.fill, CLUSTER.outline) },
    { label: words('legendFlood'), shape: 'glyph', style: { color: POI_COLOR.flood }, glyph: '水' },
    { label: words('legendShelter'), shape: 'glyph', style: { color: POI_COLOR.shelter }, glyph: '避' },
    { label: words('legendPonding'), shape: 'glyph', style: { color: FLOOD_LOOK.ponding.colour }, glyph: FLOOD_LOOK.ponding.glyph },
    { label: words('legendPump'), shape: 'glyph', style: { color: FLOOD_LOOK.pumpRunning.colour }, glyph: FLOOD_LOOK.pumpRunning.glyph },
    { label: words('legendCamera'), shape: 'glyph', style: { color: POI_COLOR.camera }, glyph: '◉' },
    ...departments.map((d): Entry => ({ label: site.departmentName(d), shape: 'dot', style: dot(MAP_BACKGROUND, departmentColor(d)) })),
  ];
  return (
    <ul className="map-legend" data-testid="map-legend">
      {entries.map(({ label, shape, style, glyph }) => (
        <li key={label}>
          <span className={`legend-${shape}`} style={style} aria-hidden="true">{glyph}</span>
          {label}
        </li>
      ))}
    </ul>
  );
}
