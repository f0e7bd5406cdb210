// The one way a CAP warning enters the hall (S-6.4), whether the district link, HTTP or a file imported at the
// console brought it: parsed and checked (common/cap/parse-cap.ts: no DTD read, no entity expanded, sizes capped),
// summarised, matched against the street, and stored as a `warning.received` event whose fold resolves what it
// updates or cancels. A refused document stores nothing and answers the refusal's code and reason. The same
// warning twice (sender, identifier and sent time) is stored once. Nothing here switches the command mode: the
// proposal it makes is the commander's to confirm.
import { parseCap, type CapRefusal } from '../../common/cap/parse-cap.ts';
import { coversStreet, type StreetArea } from '../../common/cap/coverage.ts';
import type { WarningOutcome, WarningVia } from '../../common/cap/warning-model.ts';
import { summarizeWarning } from '../../common/cap/warning-summary.ts';
import type { Officer } from '../../common/protocol.ts';
import type { Appended, EventLog } from '../event-log.ts';

export type WarningOrigin =
  | { via: 'district' }
  | { via: Exclude<WarningVia, 'district'>; seat: string; officer?: Officer; file?: string };

export type IngestResult =
  | { ok: true; appended: Appended; identifier: string; covers: boolean; duplicate: boolean; outcome: WarningOutcome | null }
  | { ok: false; refusal: CapRefusal };

export interface WarningIngestDeps {
  events: EventLog;
  /** The street as the grids have it now; null: no street-level grid (then nothing covers it). */
  street(): StreetArea | null;
  log(line: string): void;
}

export type IngestWarning = (bytes: Uint8Array, origin: WarningOrigin) => IngestResult;

export function createWarningIngest(deps: WarningIngestDeps): IngestWarning {
  return (bytes, origin) => {
    const parsed = parseCap(bytes);
    if (!parsed.ok) {
      deps.log(`warning via ${origin.via} refused (${parsed.reason.code}): ${parsed.reason.message}`);
      return { ok: false, refusal: parsed.reason };
    }
    const summary = summarizeWarning(parsed.alert);
    const street = deps.street();
    const covers = street !== null && coversStreet(summary, street);
    const by = origin.via === 'district'
      ? { origin: 'upstream' as const, seat: null }
      : { origin: 'hall' as const, seat: origin.seat, ...(origin.officer ? { officer: origin.officer } : {}) };
    const file = origin.via === 'district' ? undefined : origin.file;
    const appended = deps.events.append({
      type: 'warning.received', ...by,
      // CAP 1.2: sender, identifier and sent name one message wherever it comes from.
      idemKey: `cap:${summary.sender},${summary.identifier},${summary.sent}`,
      payload: () => ({ summary, via: origin.via, ...(file ? { file } : {}), covers }),
    });
    const outcome = appended.changes.warningOutcome ?? null;
    if (!appended.duplicate) {
      deps.log(`warning ${summary.identifier} via ${origin.via}: ${summary.msgType} ${summary.hazard ?? summary.event ?? ''} ${summary.level ?? ''}${covers ? ', covers the street' : ''}${outcome?.held ? '' : `, not held (${outcome?.notHeld})`}`);
    }
    return { ok: true, appended, identifier: summary.identifier, covers, duplicate: appended.duplicate, outcome };
  };
}
