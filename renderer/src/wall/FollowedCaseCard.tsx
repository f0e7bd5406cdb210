// The card beside a followed urgent case: what, where, its state and how long is left on its clock.
import { slaStatus } from '../../../electron/common/domain/sla.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useNow } from '../use-now.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { useWallWords } from './wall-words.ts';

const CARD_GAP_PX = 36;

export function FollowedCaseCard({ view, at }: { view: CaseView; at: { x: number; y: number } }) {
  const lang = useLanguage();
  const words = useWallWords();
  const now = useNow();
  // Right of the case, unless that would leave the monitor: then left of it.
  const style = at.x < window.innerWidth / 2 ? { left: at.x + CARD_GAP_PX, top: at.y } : { right: window.innerWidth - at.x + CARD_GAP_PX, top: at.y };
  return (
    <article className="followed-card" style={style} data-testid="followed-card">
      <header>
        <span aria-hidden="true">◆</span> {words('following')} #{view.no}
      </header>
      <h3>{view.title}</h3>
      <p>{view.address || view.category}</p>
      <p>
        {lang.state(view.state)} · <SlaBadge status={slaStatus(view, now)} />
      </p>
    </article>
  );
}
