// A joint desk (联合坐席): roll call first; then its department's queue — cases it leads first, then joint cases
// it assists in (marked 协办) — with the selected case beside it offering only what this desk may do, and the
// department's forces; in emergency command, its shelters (and for 水务 the flood points and pumps) to report. Before roll call the desk sees its work but cannot act: every act names who took it.
import { useState } from 'react';
import { CaseDetail } from '../components/CaseDetail.tsx';
import { CaseList } from '../components/CaseList.tsx';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { slaOrder } from '../sla-order.ts';
import { useNow } from '../use-now.ts';
import { useShortcuts } from '../use-shortcut.ts';
import { DeskPlan } from '../preplan/DeskPlan.tsx';
import { DeskFloodAssets } from '../emergency/DeskFloodAssets.tsx';
import { DeskForces } from './DeskForces.tsx';
import { RollCall } from './RollCall.tsx';

export function DeskView() {
  const lang = useLanguage();
  const site = useSite();
  const { cases, link, seat, seats } = useHallState();
  const now = useNow();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const presence = seats.find((s) => s.id === seat?.id);
  const signedIn = Boolean(presence?.officer);
  const department = seat?.department;

  const ordered = slaOrder(cases, now, site);
  const shown = [...ordered.filter((c) => c.lead === department), ...ordered.filter((c) => c.lead !== department)];
  const selected = cases.find((c) => c.id === selectedId);
  const step = (by: number) => {
    const at = shown.findIndex((c) => c.id === selectedId);
    const next = shown[at === -1 ? 0 : Math.min(shown.length - 1, Math.max(0, at + by))];
    if (next) setSelectedId(next.id);
  };
  useShortcuts([
    { code: 'KeyJ', run: () => step(1) }, { code: 'ArrowDown', run: () => step(1) },
    { code: 'KeyK', run: () => step(-1) }, { code: 'ArrowUp', run: () => step(-1) },
  ]);

  return (
    <main className="desk">
      <RollCall presence={presence} />
      {seat && <DeskPlan seat={seat} signedIn={signedIn} now={now} />}
      {seat && <DeskFloodAssets seat={seat} signedIn={signedIn} />}
      <div className="desk-layout">
        <section className="queue" aria-labelledby="desk-heading">
          <h2 id="desk-heading">
            {lang.t('deskQueue')} <span className="count" data-testid="case-count">{shown.length}</span> {lang.t('caseCount')}
            <span className="queue-keys muted"><kbd>J</kbd>/<kbd>K</kbd> {lang.t('nextPrevious')}</span>
          </h2>
          <CaseList cases={shown} stale={link !== 'live'} work={{ now, selectedId, onSelect: setSelectedId, ...(department ? { department } : {}) }} />
        </section>
        <CaseDetail key={selected?.id} view={selected} seat={seat} now={now} locked={signedIn ? null : lang.t('signInFirst')} />
        {department && <DeskForces department={department} locked={!signedIn} />}
      </div>
    </main>
  );
}
