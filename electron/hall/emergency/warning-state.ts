// The warnings part of the projections (common/warning-projection.ts folds it): the held warnings are few (those
// in force and cancels waiting for theirs), so they are kept as one JSON value beside the command mode.
import type { WarningView } from '../../common/cap/warning-model.ts';
import type { Store } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-table.ts';

export const WARNINGS_META = 'warnings_held';

export function loadWarnings(store: Store): WarningView[] {
  const stored = getMeta(store, WARNINGS_META);
  return stored ? (JSON.parse(stored) as WarningView[]) : [];
}

export const saveWarnings = (store: Store, warnings: readonly WarningView[]): void => setMeta(store, WARNINGS_META, JSON.stringify(warnings));
