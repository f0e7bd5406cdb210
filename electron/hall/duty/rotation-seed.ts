// The demo street's duty rotation (resources/demo-street/duty-rotation.json: four street leaders by day at the
// console, three police station leaders by night by phone, standby for the seven departments seed 001 names),
// registered through the log on the first start, so it is projected, snapshotted and audited like any change.
// A site of its own sets its rotation with the roster.setRotation command (a console's); until then the roster
// holds only what is imported or edited.
import { join } from 'node:path';
import { RosterRotation, rotationProblem, type RosterRules } from '../../common/domain/roster.ts';
import { readConfigFile } from '../config-file.ts';
import { ConfigError } from '../config.ts';
import type { EventLog } from '../event-log.ts';
import type { Store } from '../store/database.ts';
import { loadRotation } from '../store/roster-table.ts';

/** Relative to the resources folder. */
export const DEMO_ROTATION_FILE = join('demo-street', 'duty-rotation.json');

/** Reads and checks the rotation file; a bad one stops the start like a bad flag. */
export function readRotation(file: string, rules: RosterRules): RosterRotation {
  const rotation = readConfigFile(file, 'duty rotation', RosterRotation);
  const problem = rotationProblem(rotation, rules);
  if (problem) throw new ConfigError(`duty rotation ${file}: ${problem}`);
  return rotation;
}

export function seedRotationOnce(store: Store, events: EventLog, rotation: RosterRotation): void {
  if (loadRotation(store)) return;
  events.append({ type: 'roster.rotation', origin: 'hall', seat: null, idemKey: 'roster-rotation/seed', payload: () => rotation });
}
