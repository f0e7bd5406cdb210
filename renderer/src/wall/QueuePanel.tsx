// The case queue on the wall: open cases in the hall's queue order with their SLA clocks, as many as the
// monitor has room for, and how many more there are. Overdue cases carry a blinking red light (红灯超时) — the
// only movement on the wall, because it is information.
import { useRef } from 'react';
import { slaStatus, type SlaStatus } from '../../../electron/common/domain/sla.ts';
import { isClosed, isCounted } from '../../../electron/common/kpi/kpi-definitions.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { useQueue } from '../use-queue.ts';
import { useNow } from '../use-now.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { useRowsThatFit } from './use-rows-that-fit.ts';
import { useWallWords } from './wall-words.ts';

/** More rows than any monitor holds at the wall's type size (a portrait 1080 × 1920 holds about 20). */
const MOST_ROWS = 40;

export function QueuePanel() {
  const { cases } = useQueue();
  const lang = useLanguage();
  const site = useSite();
  const words = useWallWords();
  const now = useNow();
  const listRef = useRef<HTMLOListElement>(null);
  const fit = useRowsThatFit(listRef, MOST_ROWS);
  const open = cases.filter((c) => isCounted(c) && !isClosed(c)).map((c) => ({ c, sla: slaStatus(c, now, site.policy) }));
  const rows = open.slice(0, fit);
  const overdue = open.filter(({ sla }) => isOverdue(sla)).length;
  return (
    <section className="wall-board queue-board" data-testid="queue-panel">
      <h2>
        {words('queueTitle')} <span className="count" data-testid="case-count">{open.length}</span>
        {overdue > 0 && (
          <span className="queue-overdue" data-testid="overdue-count">
            <span className="red-light" aria-hidden="true" /> {words('slaOverdue')} {overdue}
          </span>
        )}
      </h2>
      {open.length === 0 && <p className="queue-empty">{words('queueEmpty')}</p>}
      <ol ref={listRef} className="queue-list" data-testid="case-list">
        {rows.map(({ c, sla }) => (
          <li key={c.id} className={`queue-row urgency-${site.isUrgent(c.urgency) ? 'urgent' : 'general'}${isOverdue(sla) ? ' overdue' : ''}`} data-testid="case-row">
            <span className="queue-light" aria-hidden="true">{isOverdue(sla) && <span className="red-light" />}</span>
            <span className="queue-urgency">
              <span aria-hidden="true">{site.isUrgent(c.urgency) ? '◆' : '○'}</span> {site.urgencyName(c.urgency)}
            </span>
            <span className="queue-title">
              #{c.no} {c.demo && <span className="mark mark-demo">{lang.t('demoCase')}</span>} {c.drill && <span className="mark mark-drill">{lang.t('modeDrill')}</span>} {c.title}
            </span>
            <span className="queue-state">{lang.state(c.state)}</span>
            <SlaBadge status={sla} />
            <span className="queue-place">{c.address || c.category}</span>
          </li>
        ))}
      </ol>
      {open.length > rows.length && (
        <p className="queue-more" data-testid="queue-more">
          {words('queueMore')} {open.length - rows.length} {words('queueMoreCases')}
        </p>
      )}
    </section>
  );
}

const isOverdue = (sla: SlaStatus) => sla.clock !== null && sla.level === 'overdue';
