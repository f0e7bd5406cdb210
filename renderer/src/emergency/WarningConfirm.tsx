// What a warning's 确认启动 opens (S-6.2, S-6.4): the mode switch's own confirmation (ModeConfirm.tsx) for emergency
// command at the proposed hazard and level, the reason prefilled from the headline and editable, sent as
// `mode.switch` naming the warning. Nothing is switched until the commander confirms there.
import { useState } from 'react';
import type { LevelProposal } from '../../../electron/common/cap/level-proposal.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { modeLabel } from './mode-label.ts';
import { ModeConfirm } from './ModeConfirm.tsx';

export function WarningConfirm({ proposal, headline, onClose }: { proposal: Extract<LevelProposal, { kind: 'level' }>; headline: string; onClose(): void }) {
  const lang = useLanguage();
  const { status, send, fail } = useCommand();
  const [reason, setReason] = useState(headline);
  const pending = { target: { mode: 'emergency' as const, hazard: proposal.hazard, level: proposal.level }, reason: reason.trim(), drill: false, warning: proposal.warning };
  const confirm = async () => {
    if (pending.reason === '') return fail(lang.t('modeReasonNeeded'));
    if (await send({ kind: 'mode.switch', to: pending, confirmed: true }, `${lang.t('modeSwitched')} ✓ ${modeLabel(pending.target, lang.language)}`)) onClose();
  };
  const editor = (
    <label>
      {lang.t('modeReason')}
      <textarea data-testid="warning-confirm-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
    </label>
  );
  return (
    <div className="warning-confirm" data-testid="warning-confirm">
      <p className="muted">{lang.t('warningConfirmNote')}</p>
      <ModeConfirm pending={pending} sending={status.kind === 'sending'} reason={editor} onConfirm={() => void confirm()} onCancel={onClose} />
      <CommandOutcome status={status} testId="warning-confirm-outcome" />
    </div>
  );
}
