// A case beside the queue (no page change): facts, the seat's own extras (the console's dispatch panel), the
// actions this seat may take and the timeline of every event. Callers key it by case id, so every input and
// outcome starts afresh with another case (a key on the action panel alone, beside `children`, left the old
// panel mounted in React 19.3 — two panels, two sets of shortcuts).
import type { ReactNode } from 'react';
import type { CaseView, SeatInfo } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';

interface CaseDetailProps {
  view: CaseView | undefined;
  seat: SeatInfo | null;
  now: number;
  /** Why this seat may not act now (a desk before roll call), or null. */
  locked: string | null;
  children?: ReactNode;
}

export function CaseDetail({ view, seat, now, locked, children }: CaseDetailProps) {
  const lang = useLanguage();
  if (!view || !seat) return <aside className="detail detail-empty" data-testid="case-detail">{lang.t('selectCase')}</aside>;
  return (
    <aside className="detail" data-testid="case-detail" data-case-id={view.id}>
      <CaseFacts view={view} now={now} />
      <ActionPanel view={view} seat={seat} locked={locked} />
      {children}
      <CaseTimeline caseId={view.id} version={view.updatedAt} />
    </aside>
  );
}
