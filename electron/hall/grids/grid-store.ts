// The three partitions the hall works with (S-2.2): the bundled demo street until the centre imports its
// own, then the imported ones, kept in SQLite. Only an import that passed its checks is ever stored.
import type { AreaFeature } from '../../common/geo/area.ts';
import { mergeCheck, type PartitionName } from '../../common/geo/merge-check.ts';
import type { Store } from '../store/database.ts';
import { storedPartitions, storePartition } from '../store/partition-table.ts';

export type Partitions = Record<PartitionName, readonly AreaFeature[]>;

export interface GridStore {
  current(): Partitions;
  /** Replaces one partition (the caller has checked it). */
  replace(partition: PartitionName, features: readonly AreaFeature[], seat: string, at: number): void;
  /** The partition as a GeoJSON FeatureCollection. */
  json(partition: PartitionName): string;
  /** The merge check of the current partitions (computed once per change: it takes about a second). */
  reportJson(): string;
}

export function openGridStore(store: Store, bundled: Partitions): GridStore {
  const current: Record<PartitionName, readonly AreaFeature[]> = { ...bundled };
  for (const row of storedPartitions(store)) {
    current[row.partition] = (JSON.parse(row.geojson) as { features: AreaFeature[] }).features;
  }
  const cache = new Map<PartitionName, string>();
  let report: string | undefined;
  const collection = (features: readonly AreaFeature[]) => JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) });
  return {
    current: () => ({ ...current }),
    replace(partition, features, seat, at) {
      const json = collection(features);
      storePartition(store, partition, json, seat, at);
      current[partition] = features;
      cache.set(partition, json);
      report = undefined;
    },
    reportJson: () => (report ??= JSON.stringify(mergeCheck(current))),
    json(partition) {
      let json = cache.get(partition);
      if (!json) cache.set(partition, (json = collection(current[partition])));
      return json;
    },
  };
}
