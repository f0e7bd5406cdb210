// An SLA clock as a word, an icon and a colour (never colour alone). 红灯超时 blinks: that blink is information.
import type { SlaStatus } from '../../../electron/common/domain/sla.ts';
import { useWallWords } from './wall-words.ts';

const ICON = { normal: '●', nearDue: '▲', overdue: '■' } as const;
const WORD = { normal: 'slaNormal', nearDue: 'slaNearDue', overdue: 'slaOverdue' } as const;

export function SlaBadge({ status }: { status: SlaStatus }) {
  const words = useWallWords();
  if (status.clock === null) return <span className="sla sla-none">{words('slaNone')}</span>;
  return (
    <span className={`sla sla-${status.level}`} data-testid="sla" data-level={status.level}>
      <span aria-hidden="true">{ICON[status.level]}</span> {words(WORD[status.level])} {formatLeft(status.remainingMs)}
    </span>
  );
}

/** `12:05` left, or `-1:02:05` over; hours only when needed. */
function formatLeft(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  return `${ms < 0 ? '-' : ''}${h ? `${h}:` : ''}${mmss}`;
}
