// The duty commander's console: the duty strip on top; the work tab with intake, the queue (sorted by urgency
// and SLA, filtered, searchable) and the selected case beside it with dispatch and actions; the KPI board, the
// seat plan, the wall plan, the duty roster, the shift handover, patrol coverage and the persistent problems
// (顽症, with the copies to the leader) as tabs; at a shift change, the prompt to take over; the audit chain's
// state in the head, and a red notice while it is broken; the conflicts with the district to settle. Keyboard first: every main action has a shortcut,
// shown where it applies.
import { useState } from 'react';
import { awaitsPlacement } from '../../../electron/common/address/placement.ts';
import { AuditChainChip, AuditChainNotice } from '../audit/AuditChain.tsx';
import { useAuditChain } from '../audit/use-audit-chain.ts';
import { CaseDetail } from '../components/CaseDetail.tsx';
import { CaseList } from '../components/CaseList.tsx';
import { Keys } from '../components/Keys.tsx';
import { useHallState } from '../hall-context.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CopyToasts } from '../problems/CopyToasts.tsx';
import { ProblemNavigation } from '../problems/problem-navigation.tsx';
import { ProblemsTab } from '../problems/ProblemsTab.tsx';
import { useCopyAlerts } from '../problems/use-copy-alerts.ts';
import type { ProblemSelection } from '../problems/use-problem-board.ts';
import { useSite } from '../use-site.ts';
import { slaOrder } from '../sla-order.ts';
import { useNow } from '../use-now.ts';
import { useShortcuts, type Shortcut } from '../use-shortcut.ts';
import { ConflictQueue } from './ConflictQueue.tsx';
import { DispatchPanel } from './DispatchPanel.tsx';
import { DutyStrip } from './DutyStrip.tsx';
import { HandoverPrompt } from './HandoverPrompt.tsx';
import { HandoverView } from './HandoverView.tsx';
import { IntakeForm } from './IntakeForm.tsx';
import { KpiBoard } from './kpi/KpiBoard.tsx';
import { PatrolCoverageView } from './PatrolCoverageView.tsx';
import { PlaceCase } from './PlaceCase.tsx';
import { PlanTab } from '../preplan/PlanTab.tsx';
import { EmergencyTab } from '../emergency/EmergencyTab.tsx';
import { GaugeNotice } from '../emergency/GaugeNotice.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { RosterView } from './RosterView.tsx';
import { SeatPlan } from './SeatPlan.tsx';
import { UrgentToasts } from './UrgentToasts.tsx';
import { WallPlan } from './WallPlan.tsx';
import { useCaseSearch } from './use-case-search.ts';
import '../styles/duty.css';
import { useUrgentAlerts } from './use-urgent-alerts.ts';

type Tab = 'work' | 'kpi' | 'seats' | 'wall' | 'roster' | 'handover' | 'patrol' | 'problems' | 'plan' | 'emergency';
const TABS: ReadonlyArray<[Tab, MessageKey, Shortcut]> = [
  ['work', 'tabWork', { code: 'Digit1', alt: true }],
  ['kpi', 'tabKpi', { code: 'Digit2', alt: true }],
  ['seats', 'tabSeats', { code: 'Digit3', alt: true }],
  ['wall', 'tabWall', { code: 'Digit4', alt: true }],
  ['roster', 'tabRoster', { code: 'Digit5', alt: true }],
  ['handover', 'tabHandover', { code: 'Digit6', alt: true }],
  ['patrol', 'tabPatrol', { code: 'Digit7', alt: true }],
  ['problems', 'tabProblems', { code: 'Digit8', alt: true }],
  ['plan', 'tabPlan', { code: 'Digit9', alt: true }],
  ['emergency', 'tabEmergency', { code: 'Digit0', alt: true }],
];
const NEXT_KEYS: readonly Shortcut[] = [{ code: 'KeyJ' }, { code: 'ArrowDown' }];
const PREVIOUS_KEYS: readonly Shortcut[] = [{ code: 'KeyK' }, { code: 'ArrowUp' }];

export function ConsoleView() {
  const lang = useLanguage();
  const site = useSite();
  const { cases, link, seat, lastEventSeq, handover, copies } = useHallState();
  const now = useNow();
  const queue = useCaseSearch();
  const [tab, setTab] = useState<Tab>('work');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pendingNo, setPendingNo] = useState<number | null>(null);
  const alerts = useUrgentAlerts(cases, lastEventSeq !== null, seat?.id);
  const copyAlerts = useCopyAlerts(copies, lastEventSeq !== null);
  const chain = useAuditChain();
  const [problem, setProblem] = useState<ProblemSelection | null>(null);
  const showProblem = (selection: ProblemSelection) => {
    setProblem(selection);
    setTab('problems');
  };
  const waitingCopies = copies.filter((c) => c.acknowledgedAt === null).length;

  const shown = slaOrder(queue.pool(cases).filter(queue.matches), now, site);
  // A case just reported is selected as soon as it arrives, ready for 受理 (Alt+R).
  const arrived = pendingNo === null ? undefined : cases.find((c) => c.no === pendingNo);
  if (arrived) {
    setPendingNo(null);
    setSelectedId(arrived.id);
  }
  const selected = shown.find((c) => c.id === selectedId) ?? cases.find((c) => c.id === selectedId);

  const step = (by: number) => {
    if (shown.length === 0) return;
    const at = shown.findIndex((c) => c.id === selectedId);
    const next = at === -1 ? 0 : Math.min(shown.length - 1, Math.max(0, at + by));
    setSelectedId(shown[next]!.id);
    setTab('work');
  };
  const select = (id: string) => {
    setSelectedId(id);
    setTab('work');
  };
  useShortcuts([
    ...TABS.map(([t, , key]) => ({ ...key, run: () => setTab(t) })),
    ...NEXT_KEYS.map((key) => ({ ...key, run: () => step(1) })),
    ...PREVIOUS_KEYS.map((key) => ({ ...key, run: () => step(-1) })),
  ]);

  return (
    <main className="console">
      <div className="console-top">
        <div className="console-head">
          <DutyStrip now={now} />
          <nav className="tabs" role="tablist">
            {TABS.map(([t, word, key]) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} data-testid={`tab-${t}`} onClick={() => setTab(t)}>
                {lang.t(word)} {t === 'problems' && waitingCopies > 0 && <span className="tab-badge" data-testid="copies-badge">✉ {waitingCopies}</span>} <Keys shortcut={key} />
              </button>
            ))}
          </nav>
          <AuditChainChip view={chain.view} onCheck={chain.checkAll} />
        </div>
        {handover && !handover.acknowledged && tab !== 'handover' && <HandoverPrompt record={handover} onOpen={() => setTab('handover')} />}
      </div>
      <div className="console-notices">
        <AuditChainNotice view={chain.view} />
        <GaugeNotice />
        <ConflictQueue onOpenCase={select} />
      </div>
      <UrgentToasts toasts={alerts.toasts} onOpen={(id) => { alerts.dismiss(id); select(id); }} onDismiss={alerts.dismiss} />
      <CopyToasts
        toasts={copyAlerts.toasts}
        onOpen={(c) => {
          copyAlerts.dismiss(c.id);
          if (c.problemId !== null) showProblem({ kind: 'problem', id: c.problemId });
          else if (c.caseId !== null) select(c.caseId);
        }}
        onDismiss={copyAlerts.dismiss}
      />
      <KpiBoard active={tab === 'kpi'} now={now} onOpenCase={select} />
      {tab === 'seats' && <SeatPlan />}
      {tab === 'roster' && <RosterView now={now} />}
      {tab === 'handover' && <HandoverView />}
      {tab === 'patrol' && <PatrolCoverageView now={now} />}
      {tab === 'plan' && <PlanTab now={now} />}
      {tab === 'emergency' && <EmergencyTab now={now} />}
      {tab === 'problems' && <ProblemsTab now={now} selection={problem} onSelect={setProblem} onOpenCase={select} />}
      <WallPlan active={tab === 'wall'} />
      <div className="console-layout" hidden={tab !== 'work'}>
        <ProblemNavigation value={showProblem}><IntakeForm onCreated={setPendingNo} now={now} /></ProblemNavigation>
        <section className="queue" aria-labelledby="queue-heading">
          <h2 id="queue-heading">
            {lang.t('queueTitle')} <span className="count" data-testid="case-count">{shown.length}</span> {lang.t('caseCount')}
            <span className="queue-keys muted">
              <kbd>J</kbd>/<kbd>K</kbd> <kbd>↓</kbd>/<kbd>↑</kbd> {lang.t('nextPrevious')}
            </span>
          </h2>
          <QueueFilters queue={queue} />
          <CaseList cases={shown} stale={link !== 'live'} work={{ now, selectedId, onSelect: select }} />
        </section>
        <ProblemNavigation value={showProblem}>
          <CaseDetail key={selected?.id} view={selected} seat={seat} now={now} locked={null}>
            {selected && awaitsPlacement(selected) && <PlaceCase view={selected} />}
            {selected && seat && <DispatchPanel view={selected} seat={seat} now={now} />}
          </CaseDetail>
        </ProblemNavigation>
      </div>
    </main>
  );
}
