// A small flat map for the console and desks (no Cesium there): grid outlines from /api/grids, an optional
// case point (or several cases' points), force markers and hatched grids (uncovered by patrols). Clicking reports
// the clicked place, for intake. Equirectangular with the longitude scaled by cos(latitude): at street size that
// is true to a few metres.
import { useMemo, type MouseEvent } from 'react';
import type { Department, LonLat } from '../../../electron/common/domain/case-model.ts';
import type { GridFeature, GridLevel } from '../../../electron/common/geo/grid-schema.ts';

export interface MapForce { id: string; department: Department; position: LonLat; chosen: boolean }
/** A case among several (a persistent problem's), drawn smaller than the one case of `casePoint`. */
export interface MapPoint { id: string; position: LonLat; label: string }

interface MiniMapProps {
  grids: readonly GridFeature[];
  casePoint?: LonLat | undefined;
  highlightGridId?: string | undefined;
  /** Grids drawn hatched (the uncovered ones, S-3.4). */
  markedGridIds?: ReadonlySet<string>;
  forces?: readonly MapForce[];
  points?: readonly MapPoint[];
  onPick?: (point: LonLat) => void;
  label: string;
  testId: string;
}

/** SVG units per degree of latitude: keeps coordinates in a comfortable range. */
const SCALE = 10_000;
const LEVEL_CLASS: Record<GridLevel, string> = { street: 'map-street', zone: 'map-zone', small: 'map-small', micro: 'map-micro' };
/** Outlines drawn coarse over fine, so zone borders stay visible above micro grids. */
const DRAW_ORDER: readonly GridLevel[] = ['micro', 'small', 'zone', 'street'];

function frameOf(grids: readonly GridFeature[]) {
  const points = grids.flatMap((g) => g.geometry.coordinates[0]!);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const toXY = (lon: number, lat: number): [number, number] => [(lon - west) * k * SCALE, (north - lat) * SCALE];
  const toLonLat = (x: number, y: number): LonLat => ({ lon: west + x / (k * SCALE), lat: north - y / SCALE });
  return { toXY, toLonLat, width: (east - west) * k * SCALE, height: (north - south) * SCALE };
}

export function MiniMap({ grids, casePoint, highlightGridId, markedGridIds, forces = [], points = [], onPick, label, testId }: MiniMapProps) {
  const frame = useMemo(() => frameOf(grids), [grids]);
  const outlines = useMemo(
    () =>
      DRAW_ORDER.flatMap((level) =>
        grids
          .filter((g) => g.properties.level === level)
          .map((g) => ({
            id: g.properties.id,
            level,
            d: `M${g.geometry.coordinates[0]!.map(([lon, lat]) => frame.toXY(lon, lat).map((v) => v.toFixed(1)).join(',')).join('L')}Z`,
          })),
      ),
    [grids, frame],
  );
  const dot = Math.max(frame.width, frame.height) / 55;

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const matrix = e.currentTarget.getScreenCTM();
    if (!onPick || !matrix) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    onPick(frame.toLonLat(p.x, p.y));
  };

  const at = (p: LonLat) => frame.toXY(p.lon, p.lat);
  return (
    <svg
      className={`mini-map${onPick ? ' pickable' : ''}`}
      data-testid={testId}
      viewBox={`${-dot} ${-dot} ${frame.width + 2 * dot} ${frame.height + 2 * dot}`}
      role="img"
      aria-label={label}
      onClick={onClick}
    >
      {markedGridIds && (
        <defs>
          <pattern id={`${testId}-hatch`} width={dot} height={dot} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={dot} height={dot} className="map-hatch-ground" />
            <line x1="0" y1="0" x2="0" y2={dot} className="map-hatch-line" />
          </pattern>
        </defs>
      )}
      {outlines.map((o) => (
        <path
          key={o.id} d={o.d} data-grid-id={o.id} vectorEffect="non-scaling-stroke"
          className={`${LEVEL_CLASS[o.level]}${markedGridIds?.has(o.id) ? ' map-marked' : ''}${o.id === highlightGridId ? ' map-highlight' : ''}`}
          style={markedGridIds?.has(o.id) ? { fill: `url(#${testId}-hatch)` } : undefined}
        />
      ))}
      {forces.map((f) => {
        const [x, y] = at(f.position);
        return (
          <g key={f.id} className={`map-force dept-${f.department}${f.chosen ? ' chosen' : ''}`} data-force-id={f.id}>
            <rect x={x - dot / 2} y={y - dot / 2} width={dot} height={dot} />
            <text x={x + dot * 0.8} y={y + dot * 0.35} fontSize={dot * 1.8}>{f.id}</text>
          </g>
        );
      })}
      {points.map((p) => {
        const [x, y] = at(p.position);
        return (
          <g key={p.id} className="map-case map-point" data-testid={`${testId}-point`} data-case-id={p.id}>
            <circle cx={x} cy={y} r={dot * 0.9} />
            <text x={x + dot} y={y + dot * 0.35} fontSize={dot * 1.6}>{p.label}</text>
          </g>
        );
      })}
      {casePoint && (
        <g className="map-case" data-testid={`${testId}-case`}>
          <circle cx={at(casePoint)[0]} cy={at(casePoint)[1]} r={dot * 1.6} />
          <circle cx={at(casePoint)[0]} cy={at(casePoint)[1]} r={dot * 0.6} className="map-case-core" />
        </g>
      )}
    </svg>
  );
}
