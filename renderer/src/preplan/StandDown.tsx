// 结束应急响应 (S-6.6): the switch back to daily command, dangerous (UI guide): a reason and a confirmation. The hall
// closes the plan in the same transaction and builds the after-action review from the log right after.
import { useState } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';

export function StandDown() {
  const lang = useLanguage();
  const { status, send, fail } = useCommand();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const submit = async () => {
    if (reason.trim() === '') return fail(lang.t('standDownReason'));
    if (await send({ kind: 'mode.switch', to: { target: { mode: 'daily' }, reason, drill: false }, confirmed: true }, `${lang.t('standDown')} ✓`)) setOpened(false);
  };
  return (
    <section className="plan-side-section">
      <button type="button" className="action danger" data-testid="stand-down" onClick={() => { setOpened(!opened); setReason(lang.t('standDownDefault')); setConfirmed(false); }}>
        {lang.t('standDown')}
      </button>
      {opened && (
        <form className="action-form danger" data-testid="stand-down-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <label>
            {lang.t('standDownReason')}
            <textarea data-testid="stand-down-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label className="check confirm">
            <input type="checkbox" data-testid="stand-down-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {lang.t('standDownConfirm')}
          </label>
          <button type="submit" className="action danger" data-testid="stand-down-submit" disabled={!confirmed || status.kind === 'sending'}>{lang.t('standDownSubmit')}</button>
        </form>
      )}
      <CommandOutcome status={status} testId="stand-down-outcome" />
    </section>
  );
}
