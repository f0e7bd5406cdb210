// Every event of a case from the hall's log (/api/cases/<id>/events): when, what, which seat and who sat
// there, and the act's own words (reason, note, photo refs, verdict). Refetched whenever the case changes.
import { useEffect, useState } from 'react';
import { commanderAt } from '../../../electron/common/domain/duty.ts';
import type { Roster } from '../../../electron/common/domain/roster.ts';
import type { CaseAction, HallEvent, SeatPresence } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';

type Entry = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; events: HallEvent[] };

/** Who acted from the seat: the officer the hall stamped on the event (whoever had answered the roll call
 *  there), else the commander on the roster for the console seat. */
function who({ seat: seatId, officer, at }: HallEvent & { seat: string }, seats: readonly SeatPresence[], roster: Roster): string {
  const label = seats.find((s) => s.id === seatId)?.label ?? seatId;
  const commander = commanderAt(at, roster)?.commander;
  const person = officer ? `${officer.name}（${officer.badge}）` : commander?.seat === seatId ? commander.name : null;
  return person ? `${label} · ${person}` : label;
}

export function CaseTimeline({ caseId, version }: { caseId: string; version: number }) {
  const { bridge } = useHall();
  const { seats, roster } = useHallState();
  const lang = useLanguage();
  const site = useSite();
  const [entry, setEntry] = useState<Entry>({ kind: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    fetchApi(bridge, 'caseEvents', { params: { caseId }, signal: abort.signal })
      .then((events) => setEntry({ kind: 'ready', events }))
      .catch((error: unknown) => abort.signal.aborted || setEntry({ kind: 'failed', message: String(error) }));
    return () => abort.abort();
  }, [bridge, caseId, version]);

  /** What the act said; `byHall`: taken by the hall itself (a resume when a suspension ran out). */
  const details = (act: CaseAction, byHall: boolean): string[] => {
    switch (act.action) {
      case 'dispatch':
        return [
          `${lang.t('lead')} ${site.departmentName(act.lead)}`,
          ...(act.assisting.length ? [`${lang.t('assisting')} ${act.assisting.map((d) => site.departmentName(d)).join('、')}`] : []),
          ...(act.forces.length ? [`${lang.t('forces')} ${act.forces.join('、')}`] : []),
        ];
      case 'handle':
        return [act.note, ...(act.attachments.length ? [`${lang.t('photos')} ${act.attachments.join('、')}`] : []), ...(act.selfHandled ? [lang.t('selfHandled')] : [])];
      case 'verify':
        return [lang.t(act.passed ? 'verifyPassed' : 'verifyFailed'), act.note];
      case 'evaluate':
        return [lang.satisfaction(act.satisfaction), lang.t(act.resolved ? 'resolved' : 'notResolved'), act.note];
      case 'designate':
        return [`${lang.t('lead')} ${site.departmentName(act.lead)}`, act.reason];
      case 'suspend':
        return [act.reason, `${lang.t('suspendUntil')} ${beijingDateTime(act.until).slice(0, 16)}`];
      case 'reject': case 'return': case 'escalate': case 'reopen': case 'cancel':
        return [act.reason];
      case 'amend':
        return [act.note, ...(act.dueAt === undefined ? [] : [`${lang.t('ticketDue')} ${beijingDateTime(act.dueAt).slice(0, 16)}`]), ...(act.gridId ? [act.gridId] : [])];
      case 'close':
        return [act.note];
      case 'merge':
        return [`→ ${act.into}`];
      case 'resume':
        return byHall ? [lang.t('suspensionEnded')] : [];
      default:
        return [];
    }
  };

  return (
    <section className="timeline" aria-label={lang.t('timeline')}>
      <h4>{lang.t('timeline')}</h4>
      {entry.kind === 'loading' && <p className="muted">{lang.t('loading')}</p>}
      {entry.kind === 'failed' && <p className="status-failed">{entry.message}</p>}
      {entry.kind === 'ready' && (
        <ol data-testid="timeline">
          {entry.events.map((e) => {
            const isAct = e.type === 'case.transitioned';
            return (
              <li key={e.seq} data-testid="timeline-entry" data-action={isAct ? e.payload.act.action : 'report'}>
                <time>{beijingDateTime(e.at)}</time>
                <strong>{isAct ? lang.action(e.payload.act.action) : lang.t('reportEvent')}</strong>
                {isAct && <span className="muted"> {lang.state(e.payload.from)} → {lang.state(e.payload.to)}</span>}
                <span className="timeline-who">{e.seat !== null ? who({ ...e, seat: e.seat }, seats, roster) : lang.t(e.type === 'case.created' && e.payload.demo ? 'demoFeed' : e.origin === 'hall' ? 'hallItself' : 'upstream')}</span>
                {isAct && details(e.payload.act, e.seat === null && e.origin === 'hall').filter(Boolean).map((d, i) => <span key={i} className="timeline-detail">{d}</span>)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
