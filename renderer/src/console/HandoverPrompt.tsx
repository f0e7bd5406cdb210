// At a shift change the console asks the incoming commander to take over: who hands over to whom and the
// figures that matter most, the brief one click away, and 确认接班 (an event on the record). It stays until
// someone at a console has taken over.
import type { HandoverRecord } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome } from '../use-command.tsx';
import { useAcknowledge } from './HandoverBrief.tsx';
import { useDutyWords } from './duty-words.ts';

export function HandoverPrompt({ record, onOpen }: { record: HandoverRecord; onOpen(): void }) {
  const words = useDutyWords();
  const lang = useLanguage();
  const { status, acknowledge } = useAcknowledge(record);
  const { brief } = record;
  return (
    <div className="handover-prompt" role="alertdialog" aria-label={words('handoverTitle')} data-testid="handover-prompt" data-key={brief.key}>
      <strong>{words('handoverTitle')}</strong>
      <span>
        {brief.outgoing.commander?.name ?? '—'} → <strong>{brief.incoming.commander?.name ?? lang.t('noRoster')}</strong>{' '}
        <span className="muted">{brief.incoming.date} {lang.t(brief.incoming.shift === 'day' ? 'dayShift' : 'nightShift')}</span>
      </span>
      <span>{words('openCases')} {brief.open.total} · <span className={brief.open.overdue ? 'sla-overdue' : undefined}>{words('overdue')} {brief.open.overdue}</span> · {words('urgentOpen')} {brief.urgent.cases.length + brief.urgent.more}</span>
      <button type="button" data-testid="handover-prompt-open" onClick={onOpen}>{words('viewBrief')}</button>
      <button type="button" className="primary" data-testid="handover-prompt-ack" disabled={status.kind === 'sending'} onClick={() => void acknowledge()}>{words('acknowledge')}</button>
      <CommandOutcome status={status} testId="handover-prompt-outcome" />
    </div>
  );
}
