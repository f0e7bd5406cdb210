// The three partitions of S-2.2 and where they disagree. The city-operations levels are the grid layer; this
// layer adds the police areas (警务责任区) and governance grids (综治网格), one shown at a time, and the
// merge check's findings as magenta dashes: a micro grid that maps to no or several areas is outlined, a gap
// or overlap gets a dashed ring around its place. The areas' lines are in the map's line batch (map-batches.ts);
// the dashes, with a material of their own, are a collection that draws opaque: the gaps are discarded, not blended.
import { Cartesian3, Color, Material, PolylineCollection, type Scene } from '@cesium/engine';
import type { GridFeatureCollection } from '../../../electron/common/geo/grid-schema.ts';
import type { MapLayers, Mismatch } from './map-data-api.ts';
import { toCartesians } from './geo-convert.ts';
import { wideLine, type MapBatches } from './map-batches.ts';
import { MISMATCH, PARTITION_LINE } from './map-style.ts';

export type Partition = 'cityOps' | 'police' | 'governance';

const LINE_HEIGHT = 8;
const MISMATCH_HEIGHT = 11;
const RING_RADIUS_M = 90;
const RING_STEPS = 36;
const METRES_PER_DEGREE = 111_320;

const AREAS = ['police', 'governance'] as const;

export class PartitionLayer {
  readonly #batches: MapBatches;
  readonly #mismatches: PolylineCollection;

  constructor(scene: Scene, batches: MapBatches) {
    this.#batches = batches;
    this.#mismatches = scene.primitives.add(new PolylineCollection());
  }

  show(layers: MapLayers, grids: GridFeatureCollection, mismatches: readonly Mismatch[]): void {
    this.#batches.lines.set('partitions', AREAS.flatMap((name) => {
      const { color, widthPx } = PARTITION_LINE[name];
      return layers[name].features.flatMap(({ geometry }) =>
        geometry.coordinates.map((ring) => wideLine(name, toCartesians(ring, LINE_HEIGHT), Color.fromCssColorString(color), widthPx)));
    }));
    this.#mismatches.removeAll();
    // One material a line: a polyline destroys its material with itself, so a shared one is destroyed twice (and
    // Cesium throws, on every removeAll and when the map is taken down).
    const dash = () => new Material({
      fabric: { type: Material.PolylineDashType, uniforms: { color: Color.fromCssColorString(MISMATCH.color), gapColor: Color.TRANSPARENT, dashLength: MISMATCH.dashPx } },
      translucent: false,
    });
    const microRing = new Map(grids.features.map((f) => [f.properties.id, f.geometry.coordinates[0] ?? []]));
    for (const finding of mismatches) {
      const outline = finding.microId === null ? undefined : microRing.get(finding.microId);
      const positions = outline ? toCartesians(outline, MISMATCH_HEIGHT) : ringAround(finding.at);
      this.#mismatches.add({ positions, width: MISMATCH.widthPx, material: dash() });
    }
  }

  /** Shows one partition's own lines (city operations has none here: the grid layer draws it). */
  setPartition(partition: Partition): void {
    for (const name of AREAS) this.#batches.lines.setGroupShown(name, partition === name);
  }
}

function ringAround([lon, lat]: readonly [number, number]): Cartesian3[] {
  const dLat = RING_RADIUS_M / METRES_PER_DEGREE;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return Array.from({ length: RING_STEPS + 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / RING_STEPS;
    return Cartesian3.fromDegrees(lon + dLon * Math.cos(a), lat + dLat * Math.sin(a), MISMATCH_HEIGHT);
  });
}
