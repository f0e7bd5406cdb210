// One case list for the console queue, the desk list and the wall panel: urgency as icon + word, the case
// number, title, source, category, address, state and Beijing time of creation. Work screens add selection,
// the SLA clock, the 待受理 mark of unregistered urgent cases and the 协办 mark of joint cases.
import { awaitsPlacement } from '../../../electron/common/address/placement.ts';
import { useEffect, useRef } from 'react';
import type { CaseView, Department } from '../../../electron/common/protocol.ts';
import { beijingTime } from '../beijing-time.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { awaitsRegistration } from '../sla-order.ts';
import { SlaClock } from './SlaClock.tsx';

interface WorkOptions {
  now: number;
  selectedId: string | null;
  onSelect(id: string): void;
  /** A desk's department: cases it only assists in are marked 协办. */
  department?: Department;
}

export function CaseList({ cases, stale, work }: { cases: readonly CaseView[]; stale: boolean; work?: WorkOptions }) {
  const lang = useLanguage();
  const site = useSite();
  const selectedRef = useRef<HTMLLIElement>(null);
  const selectedId = work?.selectedId ?? null;
  useEffect(() => {
    // Braces matter: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.
    void selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (cases.length === 0) return <p className="case-empty">{lang.t('noCases')}</p>;
  return (
    <ol className={`case-list${stale ? ' stale' : ''}${work ? ' work' : ''}`} data-testid="case-list">
      {cases.map((c) => {
        const selected = c.id === selectedId;
        const waiting = work !== undefined && awaitsRegistration(c, site);
        const assisting = work?.department !== undefined && c.lead !== work.department;
        return (
          <li
            key={c.id}
            ref={selected ? selectedRef : undefined}
            className={`case-row urgency-${site.isUrgent(c.urgency) ? 'urgent' : 'general'}${selected ? ' selected' : ''}${waiting ? ' awaiting' : ''}`}
            data-testid="case-row"
            data-case-id={c.id}
            aria-selected={work ? selected : undefined}
            onClick={work ? () => work.onSelect(c.id) : undefined}
          >
            <span className="case-urgency">
              <span aria-hidden="true">{site.isUrgent(c.urgency) ? '◆' : '○'}</span> {site.urgencyName(c.urgency)}
            </span>
            <span className="case-no">#{c.no}</span>
            <span className="case-title">
              {waiting && <span className="mark mark-awaiting" data-testid="awaiting-mark">{lang.t('awaitingRegistration')}</span>}
              {assisting && <span className="mark mark-assisting" data-testid="assisting-mark">{lang.t('assisting')}</span>}
              {c.demo && <span className="mark mark-demo" data-testid="demo-mark">{lang.t('demoCase')}</span>}
              {c.drill && <span className="mark mark-drill" data-testid="drill-mark">{lang.t('modeDrill')}</span>}
              {awaitsPlacement(c) && <span className="mark mark-unplaced" data-testid="unplaced-mark">{lang.t('awaitingPlacement')}</span>}
              {c.title}
            </span>
            <span className="case-meta">
              {lang.source(c.source)} · {c.category}
              {c.address && ` · ${c.address}`}
            </span>
            <span className="case-state" data-testid="case-state">{lang.state(c.state)}</span>
            <time className="case-time" dateTime={new Date(c.createdAt).toISOString()}>{beijingTime(c.createdAt).slice(0, 5)}</time>
            {work && <span className="case-sla"><SlaClock view={c} now={work.now} /></span>}
          </li>
        );
      })}
    </ol>
  );
}
