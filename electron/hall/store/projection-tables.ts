// The tables derived from the log, emptied together before a rebuild (projections.ts refills them).
import { deleteMeta } from './meta-table.ts';
import type { Store } from './database.ts';
import { ROTATION_META } from './roster-table.ts';
import { WARNINGS_META } from '../emergency/warning-state.ts';

/** Keys of meta that belong to the projections. */
export const PROJECTION_META = ['wall_layout', 'command_mode', 'search_head', ROTATION_META, WARNINGS_META] as const;

export function clearProjections(db: Store): void {
  for (const table of ['cases', 'cases_fts', 'case_kpi', 'forces', 'seat_presence', 'roster_days', 'duty_handovers', 'problems', 'problem_cases', 'leader_copies', 'conflicts', 'emergency_episodes', 'plans', 'situation_reports', 'typhoons', 'emergency_assets']) db.run(`DELETE FROM ${table}`);
  for (const key of PROJECTION_META) deleteMeta(db, key);
}
