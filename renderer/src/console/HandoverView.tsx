// 交接班 tab: the latest brief (live: it arrives as an event at the shift change) and the recent ones from the
// hall, any of which opens beside the list with its PDF.
import { useEffect, useState } from 'react';
import type { HandoverRecord } from '../../../electron/common/protocol.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { HandoverBriefView } from './HandoverBrief.tsx';
import { useDutyWords } from './duty-words.ts';

export function HandoverView() {
  const words = useDutyWords();
  const lang = useLanguage();
  const { bridge } = useHall();
  const { handover } = useHallState();
  const [recent, setRecent] = useState<HandoverRecord[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  // Again whenever the latest brief arrives or is taken over, so the list says so too.
  useEffect(() => {
    const abort = new AbortController();
    fetchApi(bridge, 'handovers', { signal: abort.signal })
      .then((list) => setRecent(list))
      .catch((error: unknown) => abort.signal.aborted || setProblem(String(error)));
    return () => abort.abort();
  }, [bridge, handover]);

  const latestKey = handover?.brief.key ?? recent[0]?.brief.key;
  const shown = (selected === null || selected === handover?.brief.key ? handover : recent.find((r) => r.brief.key === selected)) ?? recent[0];
  return (
    <section className="handover-view" data-testid="handover-view" aria-label={words('handoverTitle')}>
      <nav className="handover-list" aria-label={words('earlierBriefs')}>
        <h3>{words('earlierBriefs')}</h3>
        {problem && <p className="status-failed">{problem}</p>}
        <ul>
          {recent.map((r) => (
            <li key={r.brief.key}>
              <button type="button" data-testid="handover-item" data-key={r.brief.key} aria-pressed={r.brief.key === shown?.brief.key} onClick={() => setSelected(r.brief.key)}>
                {r.brief.incoming.date} {lang.t(r.brief.incoming.shift === 'day' ? 'dayShift' : 'nightShift')} {r.brief.incoming.commander?.name ?? '—'}
                <span className={r.acknowledged ? 'status-done' : 'warning'}> {r.acknowledged ? '✔' : words('awaitingAck')}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {shown ? <HandoverBriefView key={shown.brief.key} record={shown} latest={shown.brief.key === latestKey} /> : <p className="muted">{words('noHandover')}</p>}
    </section>
  );
}
