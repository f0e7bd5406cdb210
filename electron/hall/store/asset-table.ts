// The emergency_assets table: flood points, pumps and shelters as last set (common/emergency/asset-model.ts),
// projected from the log.
import type { AssetChanges, AssetSnapshot } from '../../common/emergency/asset-model.ts';
import type { Store } from './database.ts';

type Kind = keyof AssetSnapshot;

function upsert(db: Store, kind: Kind, id: string, view: unknown): void {
  db.run('INSERT OR REPLACE INTO emergency_assets (kind, id, view) VALUES (?, ?, ?)', kind, id, JSON.stringify(view));
}

export function writeAssetChanges(db: Store, changes: AssetChanges): void {
  if (changes.floodPoint) upsert(db, 'floodPoints', changes.floodPoint.pointId, changes.floodPoint);
  if (changes.pump) upsert(db, 'pumps', changes.pump.pumpId, changes.pump);
  if (changes.shelter) upsert(db, 'shelters', changes.shelter.shelterId, changes.shelter);
}

export function loadAssets(db: Store): AssetSnapshot {
  const of = <K extends Kind>(kind: K) =>
    db.all<{ view: string }>('SELECT view FROM emergency_assets WHERE kind = ? ORDER BY id', kind).map((r) => JSON.parse(r.view) as AssetSnapshot[K][number]);
  return { floodPoints: of('floodPoints'), pumps: of('pumps'), shelters: of('shelters') };
}
