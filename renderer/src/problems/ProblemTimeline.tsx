// A persistent problem's history from the hall's log (/api/problems/<id>/events): 立项 or 不立项, each case
// linked, every 抄报 and its acknowledgement, 销项; when, which seat and who sat there, and the words given.
import { useEffect, useState } from 'react';
import type { HallEvent } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';

type Entry = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; events: HallEvent[] };

const WORDS: Partial<Record<HallEvent['type'], MessageKey>> = {
  'problem.opened': 'evOpened', 'problem.dismissed': 'evDismissed', 'problem.linked': 'evLinked', 'problem.closed': 'evClosed',
  'leader.copied': 'evCopied', 'leader.acknowledged': 'evAcknowledged',
};

export function ProblemTimeline({ problemId, version }: { problemId: string; version: string }) {
  const { bridge } = useHall();
  const { seats, cases } = useHallState();
  const lang = useLanguage();
  const [entry, setEntry] = useState<Entry>({ kind: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    fetchApi(bridge, 'problemEvents', { params: { problemId }, signal: abort.signal })
      .then((events) => setEntry({ kind: 'ready', events }))
      .catch((error: unknown) => abort.signal.aborted || setEntry({ kind: 'failed', message: String(error) }));
    return () => abort.abort();
  }, [bridge, problemId, version]);

  const caseNo = (id: string) => {
    const found = cases.find((c) => c.id === id);
    return found ? `#${found.no} ${found.title}` : id;
  };
  const details = (e: HallEvent): string[] => {
    switch (e.type) {
      case 'problem.opened': return [e.payload.title, `${e.payload.caseIds.length} ${lang.t('caseCount')}`];
      case 'problem.dismissed': return [e.payload.dismissReason ?? ''];
      case 'problem.linked': return [caseNo(e.payload.caseId)];
      case 'problem.closed': return [e.payload.note];
      case 'leader.copied': return [`→ ${e.payload.leaderName}（${e.payload.leaderTitle}）`, e.payload.reason];
      default: return [];
    }
  };
  const who = (e: HallEvent) => {
    const label = seats.find((s) => s.id === e.seat)?.label ?? e.seat ?? lang.t('hallItself');
    return e.officer ? `${label} · ${e.officer.name}（${e.officer.badge}）` : label;
  };

  return (
    <section className="timeline" aria-label={lang.t('problemTimeline')}>
      <h4>{lang.t('problemTimeline')}</h4>
      {entry.kind === 'loading' && <p className="muted">{lang.t('loading')}</p>}
      {entry.kind === 'failed' && <p className="status-failed">{entry.message}</p>}
      {entry.kind === 'ready' && (
        <ol data-testid="problem-timeline">
          {entry.events.map((e) => {
            const word = WORDS[e.type];
            return (
              <li key={e.seq} data-testid="problem-timeline-entry" data-type={e.type}>
                <time>{beijingDateTime(e.at)}</time>
                <strong>{word ? lang.t(word) : e.type}</strong>
                <span className="timeline-who">{who(e)}</span>
                {details(e).filter(Boolean).map((d, i) => <span key={i} className="timeline-detail">{d}</span>)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
