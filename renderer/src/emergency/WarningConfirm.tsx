// The confirmation a warning's proposal opens (S-6.2, S-6.4): the switch to emergency command at the proposed
// hazard and level, the reason prefilled from the headline (editable), sent as `mode.switch` naming the warning.
// Nothing is switched until the commander confirms here.
import { useState } from 'react';
import type { LevelProposal } from '../../../electron/common/cap/level-proposal.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { responseWords } from './warning-text.ts';

export function WarningConfirm({ proposal, headline, onClose }: { proposal: Extract<LevelProposal, { kind: 'level' }>; headline: string; onClose(): void }) {
  const lang = useLanguage();
  const { status, send, fail } = useCommand();
  const [reason, setReason] = useState(headline);
  const confirm = async () => {
    if (reason.trim() === '') return fail(lang.t('warningReasonMissing'));
    const to = { target: { mode: 'emergency' as const, hazard: proposal.hazard, level: proposal.level }, reason, drill: false, warning: proposal.warning };
    if (await send({ kind: 'mode.switch', to, confirmed: true }, `${lang.t('warningStarted')} ${responseWords(proposal, lang.language)} ✓`)) onClose();
  };
  return (
    <div className="warning-confirm" role="dialog" aria-modal="false" aria-labelledby={`warning-confirm-${proposal.warning}`} data-testid="warning-confirm">
      <h4 id={`warning-confirm-${proposal.warning}`}>{lang.t('warningConfirmTitle')}</h4>
      <p data-testid="warning-confirm-target"><strong>{responseWords(proposal, lang.language)}</strong></p>
      <p className="muted">{lang.t('warningConfirmNote')}</p>
      <label>
        {lang.t('warningReason')}
        <textarea data-testid="warning-confirm-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" className="action danger" data-testid="warning-confirm-ok" disabled={status.kind === 'sending'} onClick={() => void confirm()}>{lang.t('warningConfirmOk')}</button>{' '}
      <button type="button" className="action" data-testid="warning-confirm-cancel" onClick={onClose}>{lang.t('warningConfirmCancel')}</button>
      <CommandOutcome status={status} testId="warning-confirm-outcome" />
    </div>
  );
}
