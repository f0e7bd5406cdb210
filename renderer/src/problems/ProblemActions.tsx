// What the commander may do with a proposal or a persistent problem, exactly what its state allows: 立项 with a
// title or 不立项 with a reason (a proposal); link recurrences or a case by its number, 抄报 to the leader in
// charge with a reason, 销项 with a note (an open problem). 不立项 and 销项 are dangerous (UI guide): a reason and
// a confirmation. The hall checks everything again and its refusal is shown as it is.
import { useState } from 'react';
import type { ProblemProposal } from '../../../electron/common/domain/problem-detector.ts';
import type { CaseView, Command, ProblemView } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useSite } from '../use-site.ts';
import { useGridName } from './grid-name.ts';
import { ProblemCaseRows } from './ProblemCaseRows.tsx';
import type { ProblemSelection } from './use-problem-board.ts';

type Act = 'open' | 'dismiss' | 'copy' | 'close';
const DANGEROUS: ReadonlySet<Act> = new Set(['dismiss', 'close']);
const ACT_WORD: Record<Act, MessageKey> = { open: 'actOpen', dismiss: 'actDismiss', copy: 'actCopy', close: 'actClose' };

interface ProblemActionsProps {
  subject: ProblemProposal | ProblemView;
  recurring: readonly CaseView[];
  /** When an open problem may be closed (null for anything else). */
  closable: number | null;
  now: number;
  onSelect(selection: ProblemSelection): void;
  onOpenCase(caseId: string): void;
}

export function ProblemActions({ subject, recurring, closable, now, onSelect, onOpenCase }: ProblemActionsProps) {
  const lang = useLanguage();
  const site = useSite();
  const { client } = useHall();
  const { cases } = useHallState();
  const gridName = useGridName();
  const { status, send, fail } = useCommand();
  const proposal = 'key' in subject ? subject : null;
  const open = !proposal && (subject as ProblemView).state === 'open' ? (subject as ProblemView) : null;
  const suggested = site.leaderFor(subject.category) ?? site.site.leaders[0];
  const [act, setAct] = useState<Act | null>(null);
  const [text, setText] = useState('');
  const [leaderId, setLeaderId] = useState(suggested?.id ?? '');
  const [confirmed, setConfirmed] = useState(false);
  const [caseNo, setCaseNo] = useState('');

  if (!proposal && !open) return null;
  const acts: Act[] = proposal ? ['open', 'dismiss'] : ['copy', 'close'];
  const start = (a: Act) => {
    setAct(a);
    setConfirmed(false);
    setText(a === 'open' ? `${gridName(subject.gridId)}「${subject.category}」反复发生` : a === 'copy' ? `网格${subject.gridId}「${subject.category}」问题反复发生，长效管理机制不健全，请分管领导协调` : '');
  };
  const ref = proposal && { gridId: proposal.gridId, category: proposal.category, caseIds: proposal.cases.map((c) => c.id) };
  const commandFor = (a: Act): Command | null => {
    switch (a) {
      case 'open': return ref && { kind: 'problem.open', proposal: ref, title: text };
      case 'dismiss': return ref && { kind: 'problem.dismiss', proposal: ref, reason: text };
      case 'copy': return open && { kind: 'leader.copy', problemId: open.id, leaderId, reason: text };
      case 'close': return open && { kind: 'problem.close', problemId: open.id, note: text };
    }
  };
  const submit = async () => {
    const command = act && commandFor(act);
    if (!command) return;
    if (text.trim() === '') return fail(lang.t(act === 'close' ? 'closeNote' : act === 'open' ? 'problemTitle' : 'reason'));
    const ack = await send(command, `${lang.t(ACT_WORD[act])} ✓`);
    if (!ack) return;
    setAct(null);
    // A confirmed or dismissed proposal becomes a record: show it (its event came before the ack).
    const made = client.getState().problems.find((p) => p.no === ack.eventSeq);
    if (made) onSelect({ kind: 'problem', id: made.id });
  };
  const link = (caseId: string) => open && void send({ kind: 'problem.link', problemId: open.id, caseId }, `${lang.t('linkCase')} ✓`);
  const linkByNo = () => {
    const found = cases.find((c) => String(c.no) === caseNo.trim());
    if (!found) return fail(`${lang.t('noSuchCaseNo')} ${caseNo}`);
    link(found.id);
    setCaseNo('');
  };
  const dangerous = act !== null && DANGEROUS.has(act);
  const tooEarly = act === 'close' && closable !== null && closable > now;

  return (
    <section className="actions problem-actions" data-testid="problem-actions">
      {open && (
        <div className="problem-recurrences">
          <h4>{lang.t('recurrencesTitle')} <span className="count">{recurring.length}</span></h4>
          {recurring.length === 0 && <p className="muted">{lang.t('noRecurrences')}</p>}
          <ProblemCaseRows
            cases={recurring} testId="problem-recurrences" onOpenCase={onOpenCase}
            action={(c) => <button type="button" data-testid="problem-link" disabled={status.kind === 'sending'} onClick={() => link(c.id)}>{lang.t('linkCase')}</button>}
          />
          <form className="problem-link-by-no" onSubmit={(e) => { e.preventDefault(); linkByNo(); }}>
            <label>
              {lang.t('linkByNo')}
              <input data-testid="problem-link-no" inputMode="numeric" placeholder={lang.t('caseNo')} value={caseNo} onChange={(e) => setCaseNo(e.target.value)} />
            </label>
            <button type="submit" data-testid="problem-link-no-submit" disabled={caseNo.trim() === '' || status.kind === 'sending'}>{lang.t('linkCase')}</button>
          </form>
        </div>
      )}
      <div className="action-buttons">
        {acts.map((a) => (
          <button key={a} type="button" className={`action${DANGEROUS.has(a) ? ' danger' : ''}${act === a ? ' open' : ''}`} data-testid={`problem-act-${a}`} disabled={status.kind === 'sending'} onClick={() => start(a)}>
            {lang.t(ACT_WORD[a])}
          </button>
        ))}
      </div>
      {act && (
        <form
          className={`action-form${dangerous ? ' danger' : ''}`}
          data-testid="problem-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h4>{lang.t(ACT_WORD[act])}</h4>
          {act === 'copy' && (
            <label>
              {lang.t('copyLeader')}
              <select data-testid="problem-leader" value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
                {site.site.leaders.map((l) => (
                  <option key={l.id} value={l.id}>{l.name} · {l.title}{l.id === suggested?.id ? lang.t('suggestedLeader') : ''}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            {lang.t(act === 'open' ? 'problemTitle' : act === 'close' ? 'closeNote' : act === 'copy' ? 'copyReason' : 'reason')}
            <textarea data-testid="problem-text" rows={act === 'open' ? 1 : 3} maxLength={act === 'open' ? 120 : 500} required value={text} onChange={(e) => setText(e.target.value)} autoFocus />
          </label>
          {tooEarly && <p className="warning" data-testid="problem-too-early">{lang.t('closableFrom')} {beijingDateTime(closable!).slice(0, 16)}</p>}
          {dangerous && (
            <label className="check confirm">
              <input type="checkbox" data-testid="problem-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              {lang.t('confirmDangerous')}
            </label>
          )}
          <div className="form-buttons">
            <button type="submit" className="primary" data-testid="problem-submit" disabled={status.kind === 'sending' || (dangerous && !confirmed) || tooEarly}>
              {lang.t('confirm')} {lang.t(ACT_WORD[act])}
            </button>
            <button type="button" onClick={() => setAct(null)}>{lang.t('cancel')}</button>
          </div>
        </form>
      )}
      <CommandOutcome status={status} testId="problem-outcome" />
    </section>
  );
}
