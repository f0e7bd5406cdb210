// The Open311 API key: one secret for outside clients, kept in the data folder beside the seat credentials
// (readable by the hall's OS user only). It grants Open311 only, never a seat's LAN rights, so handing it
// to a citizen app or a district system exposes nothing else. Delete the file to rotate it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const API_KEY_FILE = 'open311-api-key.txt';
const MIN_LENGTH = 16;

export interface Open311Key {
  matches(given: string | undefined): boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function openOpen311Key(dataDir: string): Open311Key {
  const file = join(dataDir, API_KEY_FILE);
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < MIN_LENGTH) throw new Error(`${file}: the Open311 API key must be at least ${MIN_LENGTH} characters (delete the file to issue a new one)`);
  const expected = digest(key);
  return { matches: (given) => given !== undefined && timingSafeEqual(digest(given), expected) };
}
