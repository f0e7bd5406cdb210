// Toasts of new copies to the leader in charge (抄报): open one to see its problem or case in the 顽症 tab.
import type { LeaderCopy } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';
import '../styles/problems.css';

export function CopyToasts({ toasts, onOpen, onDismiss }: { toasts: readonly LeaderCopy[]; onOpen(copy: LeaderCopy): void; onDismiss(id: string): void }) {
  const lang = useLanguage();
  if (toasts.length === 0) return null;
  return (
    <div className="toasts copy-toasts" role="status" aria-live="polite">
      {toasts.map((c) => (
        <div key={c.id} className="toast copy" data-testid="copy-toast" data-copy-id={c.id}>
          <button type="button" className="toast-open" onClick={() => onOpen(c)}>
            <strong>✉ {lang.t('newCopy')}</strong> {lang.t('copiedTo')} {c.leaderName}（{c.leaderTitle}） <span className="muted">{c.reason}</span>
          </button>
          <button type="button" className="toast-close" aria-label={lang.t('dismiss')} onClick={() => onDismiss(c.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
