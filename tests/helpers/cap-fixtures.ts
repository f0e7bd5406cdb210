// The Chinese CAP fixtures (tests/fixtures/cap/cn: the 松江区 typhoon warning raised and lifted, and others) with
// their times moved to today: every dateTime of a file, references included, shifted by the same amount, so a
// series (Alert, its Update, the Cancel) still refers to itself and is in force now. Identifiers are kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beijingDateTime } from '../../electron/district/storm.ts';
import { REPO } from './hall-process.ts';

export const CN_CAP = join(REPO, 'tests/fixtures/cap/cn');
export const HOSTILE_CAP = join(REPO, 'tests/fixtures/cap/hostile');

const CAP_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d/g;
const read = (file: string) => readFileSync(join(CN_CAP, file), 'utf8');

/** The shift, in whole seconds, that puts the <sent> of `file` (by default the typhoon series' first, the orange
 *  Alert) `agoMs` before `now`. */
export function shiftTo(now: number, agoMs = 0, file = 'typhoon-orange-songjiang.xml'): number {
  const sent = Date.parse(/<sent>([^<]+)<\/sent>/.exec(read(file))![1]!);
  return Math.floor((now - agoMs - sent) / 1000) * 1000;
}

export function freshCap(file: string, shiftMs: number): string {
  return read(file).replace(CAP_TIME, (t) => beijingDateTime(Date.parse(t) + shiftMs));
}
