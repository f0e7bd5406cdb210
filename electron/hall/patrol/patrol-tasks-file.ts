// The site's patrol task lists (common/patrol/patrol-tasks.ts): patrol-tasks.json beside its site file, read and
// checked at start like the site itself; a bad file stops the start naming the field. The demo street ships
// one; another site may have none yet (the screens then say so).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PatrolTaskLists } from '../../common/patrol/patrol-tasks.ts';
import { readConfigFile } from '../config-file.ts';

export const PATROL_TASKS_FILE = 'patrol-tasks.json';

/** The lists beside `siteFile`; null when the file is absent and not `required`. */
export function loadPatrolTasks(siteFile: string, required: boolean): { file: string; lists: PatrolTaskLists | null } {
  const file = join(dirname(siteFile), PATROL_TASKS_FILE);
  if (!required && !existsSync(file)) return { file, lists: null };
  return { file, lists: readConfigFile(file, 'patrol task lists', PatrolTaskLists) };
}
