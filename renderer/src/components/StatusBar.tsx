// The bar on every screen: who this is, whether the hall is reachable, what time it is in Beijing and how old
// the data is. State is always a word and an icon, never colour alone.
import { LINK_DEAD_MS, type Role } from '../../../electron/common/protocol.ts';
import { beijingDateTime, beijingTime } from '../beijing-time.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import type { LinkState } from '../hall-client.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useNow } from '../use-now.ts';
import { useSite } from '../use-site.ts';
import { ModeBanner } from './ModeBanner.tsx';

const linkIcon: Record<LinkState, string> = { connecting: '◌', live: '●', offline: '▲' };
const roleTitle: Record<Role, MessageKey> = { console: 'roleConsole', desk: 'roleDesk', wall: 'roleWall' };

export function StatusBar() {
  const { bridge } = useHall();
  const { link, seat, lastMessageAt, problem, demo, upstream } = useHallState();
  const lang = useLanguage();
  const site = useSite();
  const now = useNow();
  const stale = link !== 'live' || lastMessageAt === null || now - lastMessageAt > LINK_DEAD_MS;

  return (
    <header className="status-bar">
      <h1 className="status-title">{lang.t('appTitle')}</h1>
      <span className="status-seat" data-testid="seat-label" data-department={seat?.department}>
        {seat?.label ?? `${lang.t(roleTitle[bridge.role])} ${bridge.seatId}`}
        {seat?.role === 'desk' && ` · ${site.departmentName(seat.department)}`}
        {bridge.monitor !== undefined && ` · ${lang.t('monitor')} ${bridge.monitor + 1}`}
      </span>
      <ModeBanner />
      {demo && <span className="status-demo" data-testid="demo-banner" role="note">▣ {lang.t('demoBanner')}</span>}
      {upstream?.configured && !upstream.online && (
        <span className="status-wan" data-testid="wan-banner" data-queued={upstream.queued} role="alert">
          ▲ {lang.t('wanDown')} · {lang.t('wanSince')} {beijingDateTime(upstream.since).slice(5)} · {lang.t('wanQueued')} {upstream.queued} {lang.t('wanItems')}
        </span>
      )}
      {upstream?.configured && upstream.rejected > 0 && (
        <span className="status-wan-rejected" data-testid="wan-rejected">✕ {upstream.rejected} {lang.t('wanRejected')}</span>
      )}
      <span className={`status-link link-${link}`} data-testid="link-state" data-state={link} title={problem ?? undefined}>
        <span aria-hidden="true">{linkIcon[link]}</span> {lang.link(link)}
      </span>
      <span className={`status-freshness${stale ? ' stale' : ''}`} data-testid="freshness">
        {lang.t('dataUpdatedAt')} {lastMessageAt === null ? lang.t('noDataYet') : beijingTime(lastMessageAt)}
      </span>
      <time className="status-clock" data-testid="clock" dateTime={new Date(now).toISOString()}>
        <span className="status-clock-label">{lang.t('beijingTime')}</span> {beijingDateTime(now)}
      </time>
      <span className="status-language" role="group" aria-label={lang.t('language')}>
        <button type="button" aria-pressed={lang.language === 'zh'} onClick={() => lang.setLanguage('zh')}>中文</button>
        <button type="button" aria-pressed={lang.language === 'en'} onClick={() => lang.setLanguage('en')}>English</button>
      </span>
    </header>
  );
}
