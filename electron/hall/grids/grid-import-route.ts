// POST /api/grids/import?partition=cityOps|police|governance&crs=wgs84|gcj02[&dryRun=1] (console seats):
// imports one partition from a GeoJSON body, runs the merge check against the other two and stores it only
// when the file is valid and the partition itself tiles cleanly (no self-intersection, overlap, gap or child
// outside its parent). Mapping mismatches with the other partitions are reported, not refused: they are what
// the centre must now resolve. A refused file changes nothing.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { mergeCheck, type MergeFinding } from '../../common/geo/merge-check.ts';
import { describeIssues } from '../../common/protocol.ts';
import { bearerSeat, sendJson } from '../http-replies.ts';
import type { RouteHandler } from '../http-server.ts';
import { importPartition } from './grid-import.ts';
import type { SeatRegistry } from '../seats.ts';
import type { GridStore } from './grid-store.ts';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const Params = z.object({
  partition: z.enum(['cityOps', 'police', 'governance']),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  dryRun: z.enum(['0', '1']).default('0'),
});
const BLOCKING: ReadonlySet<MergeFinding['kind']> = new Set(['selfIntersection', 'overlap', 'gap', 'outsideParent', 'outsideStreet']);

export function gridImportRoute(deps: { grids: GridStore; seats: SeatRegistry; now(): number; log(line: string): void }): RouteHandler {
  return (req, res, url) => {
    if (url.pathname !== '/api/grids/import') return false;
    const reply = (status: number, body: object) => sendJson(res, status, body);
    if (req.method !== 'POST') return reply(405, { ok: false, message: 'POST a GeoJSON FeatureCollection' }), true;
    const seat = bearerSeat(req, deps.seats);
    if (!seat) return reply(401, { ok: false, message: 'a seat token is required' }), true;
    if (seat.role !== 'console') return reply(403, { ok: false, message: '只有指挥台可以导入网格 / only a console may import grids' }), true;
    const params = Params.safeParse(Object.fromEntries(url.searchParams));
    if (!params.success) return reply(400, { ok: false, message: `bad query: ${describeIssues(params.error)}` }), true;
    readBody(req, MAX_BODY_BYTES).then(
      (text) => {
        const { partition, crs, dryRun } = params.data;
        const imported = importPartition(text, { partition, crs });
        if (!imported.ok) return reply(422, { ok: false, stored: false, errors: imported.errors });
        const report = mergeCheck({ ...deps.grids.current(), [partition]: imported.features });
        const blocking = report.findings.filter((f) => f.partition === partition && BLOCKING.has(f.kind));
        const store = dryRun === '0' && blocking.length === 0;
        if (store) {
          deps.grids.replace(partition, imported.features, seat.id, deps.now());
          deps.log(`${seat.id} imported ${imported.features.length} ${partition} features`);
        }
        reply(blocking.length ? 422 : 200, { ok: blocking.length === 0, stored: store, features: imported.features.length, blocking, report });
      },
      (error: Error) => reply(413, { ok: false, message: error.message }),
    );
    return true;
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`文件超过 ${limit / 1024 / 1024} MB / file larger than ${limit / 1024 / 1024} MB`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
