// The CAP warnings on the console's 应急指挥 tab (S-6.4): those in force, newest first — headline, sender, level in
// its national colour, area, expiry, whether it covers the street — and, for one that covers the street, the
// level it proposes with 确认启动, which opens the confirmation of the switch (it never switches alone). Cancels
// of warnings the hall has not received wait below, flagged. Expired and withdrawn warnings leave the list as
// the clock passes them (the fold and the list read the same rule: warning-projection.ts).
import '../styles/warnings.css';
import { useState } from 'react';
import { switchRefusal } from '../../../electron/common/domain/command-mode.ts';
import type { WarningView } from '../../../electron/common/cap/warning-model.ts';
import { heldUntil, orphanCancels, warningsInForce } from '../../../electron/common/warning-projection.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { WarningConfirm } from './WarningConfirm.tsx';
import { WarningImport } from './WarningImport.tsx';
import { levelWords, proposalOf, responseWords, warningArea, warningColour, warningSender, warningTitle } from './warning-text.ts';

export function WarningSection({ now }: { now: number }) {
  const lang = useLanguage();
  const { warnings } = useHallState();
  const inForce = warningsInForce(warnings, now);
  const waiting = orphanCancels(warnings, now);
  return (
    <section data-testid="emergency-warnings" aria-labelledby="emergency-warnings-heading">
      <h2 id="emergency-warnings-heading">{lang.t('warningsTitle')} <span className="count" data-testid="warning-count">{inForce.length}</span></h2>
      <WarningImport />
      {inForce.length === 0 && <p className="muted" data-testid="warnings-none">{lang.t('warningsNone')}</p>}
      <ul className="warning-list">
        {inForce.map((w) => <WarningRow key={w.seq} warning={w} now={now} />)}
      </ul>
      {waiting.length > 0 && (
        <>
          <h3>{lang.t('warningOrphanCancels')}</h3>
          <ul className="warning-list">
            {waiting.map((w) => (
              <li key={w.seq} className="warning-row warning-orphan" data-testid="warning-orphan" data-identifier={w.summary.identifier}>
                <strong>{warningTitle(w)}</strong> · {warningSender(w)}
                <p className="warning-flag">⚠ {lang.t('warningUnknownRefs')}：{w.unknownReferences.map((r) => r.identifier).join('、')}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function WarningRow({ warning: w, now }: { warning: WarningView; now: number }) {
  const lang = useLanguage();
  const { mode } = useHallState();
  const [confirming, setConfirming] = useState(false);
  const colour = warningColour(w);
  const level = levelWords(w, lang.language);
  const proposal = proposalOf(w, now);
  const refusal = proposal && switchRefusal(mode, { target: { mode: 'emergency', hazard: proposal.hazard, level: proposal.level }, reason: '-', drill: false });
  return (
    <li className="warning-row" data-testid="warning-row" data-identifier={w.summary.identifier} data-covers={String(w.covers)} data-colour={colour ?? ''}>
      <div className="warning-head">
        {level && <span className={`level-badge level-${colour}`} data-testid="warning-level">{level}</span>}
        <strong data-testid="warning-headline">{warningTitle(w)}</strong>
        <span className={w.covers ? 'warning-covers' : 'muted'} data-testid="warning-covers">{lang.t(w.covers ? 'warningCovers' : 'warningNotCovers')}</span>
      </div>
      <dl className="warning-facts">
        <dt>{lang.t('warningSender')}</dt><dd data-testid="warning-sender">{warningSender(w)}</dd>
        <dt>{lang.t('warningArea')}</dt><dd data-testid="warning-area">{warningArea(w)}</dd>
        <dt>{lang.t('warningExpires')}</dt>
        <dd data-testid="warning-expires">{beijingDateTime(heldUntil(w)).slice(0, 16)}{w.summary.expires === null && ` ${lang.t('warningNoExpiry')}`}</dd>
      </dl>
      {w.unknownReferences.length > 0 && <p className="warning-flag" data-testid="warning-unknown-refs">⚠ {lang.t('warningUnknownRefs')}：{w.unknownReferences.map((r) => r.identifier).join('、')}</p>}
      {proposal && (
        <div className="warning-proposal" data-testid="warning-proposal" data-hazard={proposal.hazard} data-level={proposal.level}>
          {lang.t('warningProposal')} <strong>{responseWords(proposal, lang.language)}</strong>{' '}
          <button type="button" className="action danger" data-testid="warning-confirm-open" disabled={confirming || refusal !== null} onClick={() => setConfirming(true)}>
            {lang.t('warningConfirmStart')}
          </button>
          {refusal !== null && <span className="muted"> {lang.t(mode.drill ? 'warningDrillBlocks' : 'warningInMode')}</span>}
          {confirming && <WarningConfirm proposal={proposal} headline={warningTitle(w)} onClose={() => setConfirming(false)} />}
        </div>
      )}
    </li>
  );
}
