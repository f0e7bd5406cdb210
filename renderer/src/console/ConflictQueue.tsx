// The conflict queue (S-7.4): every disagreement with the district the hall's rules raised, as an amber strip
// across the console while any is open; unfolded, each names its rule, ticket and case, and stays until a
// person writes how it was settled.
import { useState } from 'react';
import type { ConflictView } from '../../../electron/common/reconcile/conflict-model.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';

export function ConflictQueue({ onOpenCase }: { onOpenCase(caseId: string): void }) {
  const lang = useLanguage();
  const { conflicts } = useHallState();
  const [open, setOpen] = useState(false);
  if (conflicts.length === 0) return null;
  const oldestFirst = [...conflicts].sort((a, b) => a.raisedAt - b.raisedAt);
  return (
    <section className="conflict-queue" data-testid="conflict-queue" data-count={conflicts.length} aria-label={lang.t('conflictsTitle')}>
      <h2>
        ⚠ {lang.t('conflictsTitle')} <span data-testid="conflict-count">{conflicts.length}</span> {lang.t('conflictsWaiting')}
        <button type="button" data-testid="conflicts-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {lang.t(open ? 'conflictsHide' : 'conflictsShow')}
        </button>
      </h2>
      {open && <ol>{oldestFirst.map((c) => <ConflictItem key={c.conflictId} conflict={c} onOpenCase={onOpenCase} />)}</ol>}
    </section>
  );
}

function ConflictItem({ conflict, onOpenCase }: { conflict: ConflictView; onOpenCase(caseId: string): void }) {
  const lang = useLanguage();
  const [note, setNote] = useState('');
  const { status, send } = useCommand();
  const settle = () => void send({ kind: 'conflict.settle', conflictId: conflict.conflictId, note: note.trim() }, lang.t('conflictSettled'));
  return (
    <li className="conflict-item" data-testid="conflict-item" data-rule={conflict.rule} data-conflict-id={conflict.conflictId}>
      <div className="conflict-head">
        <strong>{lang.conflictRule(conflict.rule)}</strong>
        <span className="muted">{beijingDateTime(conflict.raisedAt)}</span>
        {conflict.ticketNo && <span>{lang.t('conflictTicket')} {conflict.ticketNo}</span>}
        {conflict.caseId && (
          <button type="button" data-testid="conflict-open-case" onClick={() => onOpenCase(conflict.caseId!)}>{lang.t('conflictOpenCase')}</button>
        )}
      </div>
      <p data-testid="conflict-summary">{conflict.summary}</p>
      <form className="conflict-settle" onSubmit={(e) => { e.preventDefault(); settle(); }}>
        <label>
          {lang.t('conflictNote')}
          <input data-testid="conflict-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" data-testid="conflict-settle" disabled={note.trim() === '' || status.kind === 'sending'}>{lang.t('conflictSettle')}</button>
        <CommandOutcome status={status} testId="conflict-outcome" />
      </form>
    </li>
  );
}
