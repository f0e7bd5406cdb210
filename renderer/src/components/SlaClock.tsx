// The SLA clock of a case (S-4.3): which clock runs, a live countdown, and its level as an icon and a word
// (正常 / 临近 / 红灯超时), never colour alone.
import type { CaseView } from '../../../electron/common/protocol.ts';
import { slaStatus, type SlaLevel } from '../../../electron/common/domain/sla.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';

const ICON: Record<SlaLevel, string> = { normal: '●', nearDue: '▲', overdue: '■' };

const pad = (n: number) => String(n).padStart(2, '0');

/** `12:05` under an hour, `3:12:05` under a day, `2天04时` beyond. */
function span(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const [d, h, m] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60];
  if (d > 0) return `${d}d${pad(h)}h`;
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

export function SlaClock({ view, now, long = false }: { view: CaseView; now: number; long?: boolean }) {
  const lang = useLanguage();
  const { policy } = useSite();
  const sla = slaStatus(view, now, policy);
  if (sla.clock === null) return <span className="sla sla-none" data-testid="sla" data-level="none">—</span>;
  return (
    <span className={`sla sla-${sla.level}`} data-testid="sla" data-level={sla.level}>
      <span aria-hidden="true">{ICON[sla.level]}</span> {lang.slaLevel(sla.level)}
      {long && ` · ${lang.slaClock(sla.clock)}`}{' '}
      <span className="sla-time">{sla.remainingMs >= 0 ? lang.t('slaLeft') : lang.t('slaOver')} {span(sla.remainingMs)}</span>
    </span>
  );
}
