// A case whose address the gazetteer could not place (S-4.1b) is placed by the operator: a click on the small
// map where it is, then 确认定位; the hall sets its micro grid from the point and records it as placed by hand.
import { useState } from 'react';
import type { CaseView, LonLat } from '../../../electron/common/protocol.ts';
import { MiniMap } from '../components/MiniMap.tsx';
import { microGridAt } from '../grid-geometry.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useGrids } from '../use-grids.ts';

export function PlaceCase({ view }: { view: CaseView }) {
  const lang = useLanguage();
  const grids = useGrids();
  const [point, setPoint] = useState<LonLat | null>(null);
  const { status, send } = useCommand();
  if (grids.status !== 'ready') return null;
  const grid = point && microGridAt(point, grids.grids);
  const place = () => {
    if (!point) return;
    void send({ kind: 'case.act', caseId: view.id, act: { action: 'amend', note: `${lang.t('placedManually')}：${view.address}`.slice(0, 500), location: point } }, lang.t('placedManually'));
  };
  return (
    <section className="place-case" data-testid="place-case" aria-label={lang.t('placeCase')}>
      <h4>⚠ {lang.t('awaitingPlacement')} · {lang.t('placeCase')}</h4>
      <MiniMap grids={grids.grids} casePoint={point ?? undefined} highlightGridId={grid?.properties.id} onPick={setPoint} label={lang.t('placeCase')} testId="place-map" />
      <p className="muted" data-testid="place-point">{point ? `${grid?.properties.id ?? '—'} · ${point.lon.toFixed(5)}, ${point.lat.toFixed(5)}` : lang.t('noLocation')}</p>
      <button type="button" className="primary" data-testid="place-submit" disabled={!grid || status.kind === 'sending'} onClick={place}>{lang.t('placeSend')}</button>
      <CommandOutcome status={status} testId="place-outcome" />
    </section>
  );
}
