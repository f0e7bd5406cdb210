// The confirmation of a mode switch (S-6.2): from what to what, why, and what will happen (the walls' layout, the
// emergency command taking over and the plan starting, the roster back, a drill's marks) before anything is sent.
// The switch form opens it, and so does a warning's proposal (WarningConfirm.tsx), with the reason editable there.
import type { ReactNode } from 'react';
import type { ModeSwitch as Switch } from '../../../electron/common/domain/command-mode.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { modeLabel } from './mode-label.ts';

export function ModeConfirm({ pending, sending, reason, onConfirm, onCancel }: {
  pending: Switch;
  sending: boolean;
  /** In place of the reason's line: a field to edit it. */
  reason?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}) {
  const lang = useLanguage();
  const { mode } = useHallState();
  const leavesEmergency = mode.command && pending.target.mode !== 'emergency';
  const entersEmergency = !mode.command && pending.target.mode === 'emergency';
  return (
    <div className="mode-confirm" role="dialog" aria-modal="false" aria-labelledby="mode-confirm-title" data-testid="mode-confirm">
      <h4 id="mode-confirm-title">{lang.t('modeConfirmTitle')}</h4>
      <p>
        {lang.t('modeConfirmFrom')} <strong>{modeLabel(mode.target, lang.language)}</strong> {lang.t('modeConfirmTo')}{' '}
        <strong data-testid="mode-confirm-target">{pending.drill && `${lang.t('modeDrill')} · `}{modeLabel(pending.target, lang.language)}</strong>
      </p>
      {reason ?? <p>{lang.t('modeReason')}：{pending.reason}</p>}
      <ul>
        <li>{lang.t('modeConfirmWall')}</li>
        {entersEmergency && <li>{lang.t('modeConfirmCommand')}</li>}
        {entersEmergency && <li>{lang.t('modeConfirmPlan')}</li>}
        {leavesEmergency && <li>{lang.t('modeConfirmRoster')}</li>}
        {pending.drill && <li data-testid="mode-confirm-drill">{lang.t('modeConfirmDrill')}</li>}
      </ul>
      <button type="button" className="action danger" data-testid="mode-confirm-ok" disabled={sending} onClick={onConfirm}>{lang.t('modeConfirmOk')}</button>{' '}
      <button type="button" className="action" data-testid="mode-confirm-cancel" onClick={onCancel}>{lang.t('modeConfirmCancel')}</button>
    </div>
  );
}
