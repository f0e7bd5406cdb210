// Roll call (点名报到, S-3.3): the officer at this desk signs in with name and badge number, and signs out when
// leaving; the console's seat plan shows who sits where.
import { useState, type FormEvent } from 'react';
import { Officer, describeIssues, type SeatPresence } from '../../../electron/common/protocol.ts';
import { beijingTime } from '../beijing-time.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';

export function RollCall({ presence }: { presence: SeatPresence | undefined }) {
  const lang = useLanguage();
  const { status, send, fail } = useCommand();
  const [name, setName] = useState('');
  const [badge, setBadge] = useState('');

  if (presence?.officer) {
    return (
      <div className="roll-call signed-in" data-testid="roll-call">
        <span data-testid="desk-officer">
          <span aria-hidden="true">●</span> {lang.t('onDuty')} <strong>{presence.officer.name}</strong>（{presence.officer.badge}）
          {presence.since !== null && <span className="muted"> {lang.t('signedInSince')} {beijingTime(presence.since).slice(0, 5)}</span>}
        </span>
        <button type="button" data-testid="sign-out" onClick={() => void send({ kind: 'seat.signOut' }, lang.t('signedOut'))}>{lang.t('signOut')}</button>
        <CommandOutcome status={status} testId="roll-call-outcome" />
      </div>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const officer = Officer.safeParse({ name, badge });
    if (!officer.success) return fail(describeIssues(officer.error));
    void send({ kind: 'seat.signIn', officer: officer.data }, lang.t('signedIn'));
  };
  return (
    <form className="roll-call" data-testid="roll-call" onSubmit={onSubmit}>
      <strong>{lang.t('rollCall')}</strong>
      <span className="muted">{lang.t('rollCallHint')}</span>
      <label>
        {lang.t('officerName')}
        <input data-testid="roll-call-name" value={name} maxLength={40} required autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {lang.t('badge')}
        <input data-testid="roll-call-badge" value={badge} maxLength={20} required onChange={(e) => setBadge(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="sign-in">{lang.t('signIn')}</button>
      <CommandOutcome status={status} testId="roll-call-outcome" />
    </form>
  );
}
