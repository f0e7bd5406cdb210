// What the map's colours and shapes mean, on the region's first monitor. Lines follow the shown partition.
import type { CSSProperties } from 'react';
import { DEPARTMENT_LABELS } from '../../../electron/common/domain/labels.ts';
import type { Department } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CASE_POINT, CASE_STAGE_FILL, CLUSTER, DEPARTMENT_COLOR, LEVEL_LINE, MAP_BACKGROUND, MISMATCH, PARTITION_LINE, POI_COLOR } from './map-style.ts';
import type { Partition } from './partition-layer.ts';
import { useWallWords } from './wall-words.ts';

const LEVEL_WORD = { street: 'legendStreet', zone: 'legendZone', small: 'legendSmall', micro: 'legendMicro' } as const;

interface Entry { label: string; style: CSSProperties; glyph?: string; dot?: boolean }

const line = (color: string, width: number, dashed = false): CSSProperties => ({ borderTop: `${width + 1}px ${dashed ? 'dashed' : 'solid'} ${color}` });
const dot = (fill: string, ring: string): CSSProperties => ({ background: fill, boxShadow: `0 0 0 4px ${ring}` });

export function MapLegend({ partition }: { partition: Partition }) {
  const words = useWallWords();
  const { language } = useLanguage();
  const lines: Entry[] =
    partition === 'cityOps'
      ? (['street', 'zone', 'small', 'micro'] as const).map((level) => ({
          label: words(LEVEL_WORD[level]),
          style: line(LEVEL_LINE[level].color, LEVEL_LINE[level].widthPx),
        }))
      : [{ label: words(partition === 'police' ? 'legendPolice' : 'legendGovernance'), style: line(PARTITION_LINE[partition].color, PARTITION_LINE[partition].widthPx) }];
  const entries: Entry[] = [
    ...lines,
    { label: words('legendMismatch'), style: line(MISMATCH.color, MISMATCH.widthPx, true) },
    { label: words('legendWaiting'), style: dot(CASE_STAGE_FILL.waiting, MAP_BACKGROUND), dot: true },
    { label: words('legendWorking'), style: dot(CASE_STAGE_FILL.working, MAP_BACKGROUND), dot: true },
    { label: words('legendUrgent'), style: dot(CASE_STAGE_FILL.waiting, CASE_POINT.urgent.color), dot: true },
    { label: words('legendCluster'), style: dot(CLUSTER.fill, CLUSTER.outline), dot: true },
    { label: words('legendFlood'), style: { color: POI_COLOR.flood }, glyph: '水' },
    { label: words('legendShelter'), style: { color: POI_COLOR.shelter }, glyph: '避' },
    { label: words('legendCamera'), style: { color: POI_COLOR.camera }, glyph: '◉' },
    ...(Object.keys(DEPARTMENT_COLOR) as Department[]).map((d) => ({ label: DEPARTMENT_LABELS[d][language], style: dot(MAP_BACKGROUND, DEPARTMENT_COLOR[d]), dot: true })),
  ];
  return (
    <ul className="map-legend" data-testid="map-legend">
      {entries.map(({ label, style, glyph, dot: isDot }) => (
        <li key={label}>
          <span className={glyph ? 'legend-glyph' : isDot ? 'legend-dot' : 'legend-line'} style={style} aria-hidden="true">{glyph}</span>
          {label}
        </li>
      ))}
    </ul>
  );
}
