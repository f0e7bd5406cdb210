// The duty_handovers table: one brief per shift change (交接班) with its acknowledgement, projected from the
// log's duty.handover and duty.handoverAcknowledged events; and the outgoing shift's notable acts, read from
// the log through a partial index.
import type { NotableAction, ShiftAct } from '../../common/domain/handover.ts';
import type { HandoverRecord } from '../../common/protocol.ts';
import type { Store } from './database.ts';

type Row = { brief: string; acknowledged: string | null };
const parse = (r: Row): HandoverRecord => ({ brief: JSON.parse(r.brief) as HandoverRecord['brief'], acknowledged: r.acknowledged === null ? null : (JSON.parse(r.acknowledged) as HandoverRecord['acknowledged']) });

export function upsertHandover(db: Store, record: HandoverRecord, seq: number): void {
  db.run(
    `INSERT INTO duty_handovers (key, shift_from, brief, acknowledged, seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET brief = excluded.brief, acknowledged = excluded.acknowledged, seq = excluded.seq`,
    record.brief.key, record.brief.incoming.from, JSON.stringify(record.brief), record.acknowledged && JSON.stringify(record.acknowledged), seq,
  );
}

export function loadHandover(db: Store, key: string): HandoverRecord | undefined {
  const row = db.get<Row>('SELECT brief, acknowledged FROM duty_handovers WHERE key = ?', key);
  return row && parse(row);
}

/** The most recent first. */
export const recentHandovers = (db: Store, limit: number): HandoverRecord[] =>
  db.all<Row>('SELECT brief, acknowledged FROM duty_handovers ORDER BY shift_from DESC LIMIT ?', limit).map(parse);

/** Rejections, escalations, suspensions and reopenings dated in [from, to). The WHERE repeats the partial
 *  index's own (migrations.ts), which is what lets SQLite use it. */
export const notableActsBetween = (db: Store, from: number, to: number): ShiftAct[] =>
  db.all<{ at: number; caseId: string; action: NotableAction; reason: string | null }>(
    `SELECT at, json_extract(payload, '$.caseId') AS caseId, json_extract(payload, '$.act.action') AS action,
            json_extract(payload, '$.act.reason') AS reason
     FROM events
     WHERE type = 'case.transitioned' AND json_extract(payload, '$.act.action') IN ('reject', 'escalate', 'suspend', 'reopen')
       AND at >= ? AND at < ?
     ORDER BY at`,
    from, to,
  ).map((r) => ({ at: r.at, caseId: r.caseId, action: r.action, reason: r.reason ?? '' }));
