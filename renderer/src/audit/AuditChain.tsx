// The audit chain on the console (S-9): a chip in the console's head (intact to which event, or the check's
// progress) with the button for a full check, and, while the chain is broken, a red notice across the console
// that names the event that does not verify and stays until a check finds the chain whole again.
import type { ChainBreakInfo } from '../../../electron/common/http-api.ts';
import { beijingDateTime } from '../beijing-time.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import '../styles/audit.css';
import type { ChainView } from './use-audit-chain.ts';

const REASON: Record<ChainBreakInfo['reason'], MessageKey> = { mismatch: 'chainBrokenMismatch', missing: 'chainBrokenMissing', anchor: 'chainBrokenAnchor' };

export function AuditChainChip({ view, onCheck }: { view: ChainView; onCheck(): void }) {
  const lang = useLanguage();
  const status = view.kind === 'ready' ? view.status : null;
  const run = status?.run;
  const busy = status?.state === 'running';
  const percent = run && run.target > run.from ? Math.floor(((run.atSeq - run.from) / (run.target - run.from)) * 100) : 100;
  return (
    <div className={`chain-chip chain-${status?.state ?? view.kind}`} data-testid="chain-chip" data-state={status?.state ?? view.kind}>
      <span>{lang.t('chainTitle')}</span>{' '}
      {view.kind === 'failed' && <span className="status-failed" title={view.message}>{lang.t('chainFailed')}</span>}
      {status?.state === 'intact' && <span data-testid="chain-summary">✓ {lang.t('chainIntact')} #{status.verifiedSeq}</span>}
      {status?.state === 'unchecked' && <span className="muted">{lang.t('chainUnchecked')}</span>}
      {busy && <span data-testid="chain-progress">◌ {lang.t('chainRunning')} {percent}%</span>}
      {status?.state === 'broken' && <span className="chain-broken-word">✕ #{status.broken?.seq}</span>}
      <button type="button" data-testid="chain-check" disabled={busy || view.kind === 'loading'} onClick={onCheck}>{lang.t('chainCheck')}</button>
    </div>
  );
}

export function AuditChainNotice({ view }: { view: ChainView }) {
  const lang = useLanguage();
  if (view.kind !== 'ready' || view.status.state !== 'broken' || !view.status.broken) return null;
  const { broken, verifiedSeq } = view.status;
  return (
    <div className="chain-notice" role="alert" data-testid="chain-notice" data-seq={broken.seq}>
      <strong>⚠ {lang.t('chainBroken')} {broken.seq} {lang.t(REASON[broken.reason])}</strong>
      <span>{lang.t('chainVerifiedTo')} {verifiedSeq} {lang.t('chainSeqWord')} · {beijingDateTime(broken.foundAt)} · {lang.t('chainTellAdmin')}</span>
    </div>
  );
}
