// grid_partitions (S-2.3): the partitions the centre imported, replacing the bundled demo ones.
import type { PartitionName } from '../../common/geo/merge-check.ts';
import type { Store } from './database.ts';

export const storedPartitions = (db: Store) => db.all<{ partition: PartitionName; geojson: string }>('SELECT partition, geojson FROM grid_partitions');

export function storePartition(db: Store, partition: PartitionName, geojson: string, seat: string, at: number): void {
  db.run('INSERT OR REPLACE INTO grid_partitions (partition, geojson, imported_at, seat) VALUES (?, ?, ?, ?)', partition, geojson, at, seat);
}
