// Issue 12: a hall that has run for a year (a million events in its log) starts serving as fast as an empty one.
// Timed from the spawn of the hall process until a console's hello is answered with its snapshot, against the
// same for an empty hall in the same run. Each hall's folder has been started once before (its seats, staff and
// rotation written), as a hall is when it restarts; every round starts on a fresh copy of it.
//
// The million-event folder takes minutes to write on a small machine, so it is kept under tests/.artifacts/ under
// a name holding what makes it (event count, projection version, migrations, this preparer's version): a change
// of any of them builds a new one.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECTION_VERSION } from '../../electron/hall/projections.ts';
import { MIGRATIONS } from '../../electron/hall/store/migrations.ts';
import { REPO, startHall, tempDataDir } from '../helpers/hall-process.ts';
import { prepareCaseHistory } from '../helpers/prepared-log.ts';
import { connect } from '../helpers/ws-client.ts';
import { median } from './median.ts';

/** Bump when prepareCaseHistory changes what it writes. */
const PREPARED_VERSION = 1;
const ARTIFACTS = join(REPO, 'tests/.artifacts');
const ARGS = ['--demo-feed', '0'];

/** A hall folder holding about `events` events, started once; built unless kept from an earlier run. */
export async function startedHallFolder(events: number, log: (line: string) => void): Promise<string> {
  const dir = join(ARTIFACTS, `hall-${events}-events-p${PROJECTION_VERSION}-m${MIGRATIONS.length}-v${PREPARED_VERSION}`);
  if (existsSync(dir)) return dir;
  mkdirSync(ARTIFACTS, { recursive: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  const began = performance.now();
  const written = events ? prepareCaseHistory(building, events, Date.now()) : 0;
  const hall = await startHall({ dataDir: building, args: ARGS });
  await hall.stop();
  log(`built a hall folder of ${written.toLocaleString('en-US')} events in ${((performance.now() - began) / 1000).toFixed(0)} s (kept in ${dir})`);
  renameSync(building, dir);
  return dir;
}

export interface ColdStart { readyMs: number; snapshotMs: number; snapshotCases: number }

/** One cold start on a fresh copy of `folder`. */
async function coldStart(folder: string): Promise<ColdStart> {
  const dataDir = tempDataDir('bench-cold-');
  cpSync(folder, dataDir, { recursive: true });
  try {
    const spawned = performance.now();
    const hall = await startHall({ dataDir, args: ARGS });
    const readyMs = performance.now() - spawned;
    try {
      const client = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
      const snapshot = await client.next('snapshot');
      const snapshotMs = performance.now() - spawned;
      await client.close();
      return { readyMs, snapshotMs, snapshotCases: snapshot.cases.length };
    } finally {
      await hall.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface ColdStartFigures { events: number; big: ColdStart; empty: ColdStart }

/** Median of `rounds` cold starts of the big folder and of an empty one, alternated. */
export async function coldStartFigures(events: number, rounds: number, log: (line: string) => void): Promise<ColdStartFigures> {
  const big = await startedHallFolder(events, log);
  const empty = await startedHallFolder(0, log);
  const bigs: ColdStart[] = [];
  const empties: ColdStart[] = [];
  for (let round = 0; round < rounds; round++) {
    empties.push(await coldStart(empty));
    bigs.push(await coldStart(big));
  }
  const mid = (xs: ColdStart[]): ColdStart => ({
    readyMs: median(xs.map((x) => x.readyMs)), snapshotMs: median(xs.map((x) => x.snapshotMs)), snapshotCases: xs[0]!.snapshotCases,
  });
  return { events, big: mid(bigs), empty: mid(empties) };
}
