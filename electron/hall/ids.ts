// Globally unique, time-ordered ids (UUID version 7, RFC 9562). Time order keeps SQLite's unique indexes
// appending at their right edge instead of splitting pages all over the tree.
import { randomUUID } from 'node:crypto';

export function uuidv7(now = Date.now()): string {
  // randomUUID draws from a pooled buffer (randomBytes per call costs ~20x more); its version-4 random bits
  // and variant fill the rest of the version-7 layout.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
