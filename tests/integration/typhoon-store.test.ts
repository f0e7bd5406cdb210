// Typhoon tracks over a real SQLite store and event log: each typhoon.imported event is projected into the
// typhoons table (a re-import of the same storm and source replaces it and moves it last), and a rebuild of the
// projections from the log gives the same tracks back.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { typhoonId } from '../../electron/common/typhoon/stored-typhoon.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { loadTyphoons } from '../../electron/hall/store/typhoon-table.ts';
import { tempDataDir } from '../helpers/hall-process.ts';
import { cmaStorm, jsonStorm } from '../helpers/typhoon-data.ts';

it('projects imported tracks and rebuilds them from the log', () => {
  const store = openStore(join(tempDataDir('typhoon-'), 'hall.db'));
  const log = createEventLog(store, () => Date.UTC(2026, 11, 3));
  const importTrack = (track: ReturnType<typeof jsonStorm>, file: string) =>
    log.append({ type: 'typhoon.imported', origin: 'hall', seat: 'console-1', payload: () => ({ id: typhoonId(track), file, track }) });
  importTrack(jsonStorm('202413'), 'a.json');
  importTrack(cmaStorm('2024_pulasan'), 'CH2024BST.txt');
  importTrack(jsonStorm('202413'), 'b.json');
  const projected = loadTyphoons(store);
  expect(projected.map((t) => [t.id, t.file])).toEqual([['cma-bst:2414', 'CH2024BST.txt'], ['wztf-json:2413', 'b.json']]);
  expect(projected[1]!.track).toEqual(jsonStorm('202413'));
  expect(rebuildProjections(store)).toBe(3);
  expect(loadTyphoons(store)).toEqual(projected);
  store.close();
});
