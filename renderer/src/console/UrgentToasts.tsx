// Toasts of new urgent reports: open one to select the case (the queue keeps it marked until registered).
import type { CaseView } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';

interface UrgentToastsProps {
  toasts: readonly CaseView[];
  onOpen(id: string): void;
  onDismiss(id: string): void;
}

export function UrgentToasts({ toasts, onOpen, onDismiss }: UrgentToastsProps) {
  const lang = useLanguage();
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" role="alert" aria-live="assertive">
      {toasts.map((c) => (
        <div key={c.id} className="toast urgent" data-testid="urgent-toast" data-case-id={c.id}>
          <button type="button" className="toast-open" onClick={() => onOpen(c.id)}>
            <strong>◆ {lang.t('newUrgent')}</strong> #{c.no} {c.title} <span className="muted">{lang.source(c.source)} · {c.category}</span>
          </button>
          <button type="button" className="toast-close" aria-label={lang.t('dismiss')} onClick={() => onDismiss(c.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
