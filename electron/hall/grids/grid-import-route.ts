// POST /api/grids/import?partition=cityOps|police|governance&crs=wgs84|gcj02[&dryRun=1] (console seats):
// imports one partition from a GeoJSON body, runs the merge check against the other two and stores it only
// when the file is valid and the partition itself tiles cleanly (no self-intersection, overlap, gap or child
// outside its parent). Mapping mismatches with the other partitions are reported, not refused: they are what
// the centre must now resolve. A refused file changes nothing.
import { mergeCheck, type MergeFinding } from '../../common/geo/merge-check.ts';
import { readBody } from '../http-body.ts';
import { sendJson } from '../http-replies.ts';
import type { RouteTable } from '../http-routes.ts';
import { importPartition } from './grid-import.ts';
import type { GridStore } from './grid-store.ts';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const BLOCKING: ReadonlySet<MergeFinding['kind']> = new Set(['selfIntersection', 'overlap', 'gap', 'outsideParent', 'outsideStreet']);

export function gridImportRoute(deps: { grids: GridStore; now(): number; log(line: string): void }): RouteTable {
  return {
    gridImport: async ({ req, res, seat, query: { partition, crs, dryRun } }) => {
      let text: string;
      try {
        text = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
      } catch (error) {
        return sendJson(res, 413, { ok: false, error: (error as Error).message });
      }
      const imported = importPartition(text, { partition, crs });
      if (!imported.ok) return sendJson(res, 422, { ok: false, stored: false, errors: imported.errors });
      const report = mergeCheck({ ...deps.grids.current(), [partition]: imported.features });
      const blocking = report.findings.filter((f) => f.partition === partition && BLOCKING.has(f.kind));
      const store = dryRun === '0' && blocking.length === 0;
      if (store) {
        deps.grids.replace(partition, imported.features, seat.id, deps.now());
        deps.log(`${seat.id} imported ${imported.features.length} ${partition} features`);
      }
      sendJson(res, blocking.length ? 422 : 200, { ok: blocking.length === 0, stored: store, features: imported.features.length, blocking, report });
    },
  };
}
