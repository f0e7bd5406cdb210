// The cases behind a figure (or a ranked unit's figure): its denominator's cases, each marked in or out of the
// numerator; a click selects the case in the work tab's queue. The console holds every case, so the ids the
// `kpi` route gives (ids=1) are looked up here.
import { useMemo } from 'react';
import type { KpiFigure } from '../../../../electron/common/http-api.ts';
import { useHallState } from '../../hall-context.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useSite } from '../../use-site.ts';

/** Rows drawn at most; the rest is counted. */
const MAX_ROWS = 200;

interface Props {
  title: string;
  figure: KpiFigure;
  onOpenCase(id: string): void;
  onClose(): void;
}

export function KpiDrillDown({ title, figure, onOpenCase, onClose }: Props) {
  const lang = useLanguage();
  const site = useSite();
  const { cases } = useHallState();
  const byId = useMemo(() => new Map(cases.map((c) => [c.id, c])), [cases]);
  const inNumerator = new Set(figure.numeratorIds);
  const ids = figure.denominatorIds ?? [];
  return (
    <section className="kpi-drill" data-testid="kpi-drill" aria-label={lang.t('drillTitle')}>
      <header>
        <h3>{lang.t('drillTitle')} · {title} · {figure.numerator}/{figure.denominator}</h3>
        <span className="muted">{lang.t('drillHint')}</span>
        <button type="button" className="link-button" data-testid="kpi-drill-close" onClick={onClose}>✕ {lang.t('dismiss')}</button>
      </header>
      {ids.length === 0 && <p className="muted">{lang.t('noCases')}</p>}
      <ol className="drill-list">
        {ids.slice(0, MAX_ROWS).map((id) => {
          const c = byId.get(id);
          const counted = inNumerator.has(id);
          return (
            <li key={id}>
              <button type="button" data-testid="drill-row" data-case-id={id} data-in-numerator={counted} onClick={() => onOpenCase(id)}>
                <span className={counted ? 'verdict-met' : 'verdict-none'}>{counted ? `✔ ${lang.t('inNumerator')}` : `○ ${lang.t('notInNumerator')}`}</span>
                <span className="case-no">{c ? `#${c.no}` : id}</span>
                <span className="drill-title">{c?.title ?? ''}</span>
                <span className="muted">{c ? `${lang.state(c.state)} · ${site.urgencyName(c.urgency)} · ${c.lead ? site.departmentName(c.lead) : lang.t('notDispatched')}` : ''}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {ids.length > MAX_ROWS && <p className="muted">{lang.t('moreCases').replace('{n}', String(ids.length - MAX_ROWS))}</p>}
    </section>
  );
}
