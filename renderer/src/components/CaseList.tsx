// One case list for the console queue, the desk list and the wall panel: urgency as icon + word, the case
// number, title, source, category, address, state and Beijing time of creation.
import type { CaseView } from '../../../electron/common/protocol.ts';
import { beijingTime } from '../beijing-time.ts';
import { useLanguage } from '../i18n/language.tsx';

export function CaseList({ cases, stale }: { cases: readonly CaseView[]; stale: boolean }) {
  const lang = useLanguage();
  if (cases.length === 0) return <p className="case-empty">{lang.t('noCases')}</p>;
  return (
    <ol className={`case-list${stale ? ' stale' : ''}`} data-testid="case-list">
      {cases.map((c) => (
        <li key={c.id} className={`case-row urgency-${c.urgency}`} data-testid="case-row" data-case-id={c.id}>
          <span className="case-urgency">
            <span aria-hidden="true">{c.urgency === 'urgent' ? '◆' : '○'}</span> {lang.urgency(c.urgency)}
          </span>
          <span className="case-no">#{c.no}</span>
          <span className="case-title">{c.title}</span>
          <span className="case-meta">
            {lang.source(c.source)} · {c.category}
            {c.address && ` · ${c.address}`}
          </span>
          <span className="case-state">{lang.state(c.state)}</span>
          <time className="case-time" dateTime={new Date(c.createdAt).toISOString()}>{beijingTime(c.createdAt).slice(0, 5)}</time>
        </li>
      ))}
    </ol>
  );
}
