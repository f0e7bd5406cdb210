// The console's notice while any gauge is over its warning line (S-6.5): red across the console, naming each gauge
// with its reading and its line; it goes when the last one falls back under.
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { gaugeValue } from './gauge-words.ts';

export function GaugeNotice() {
  const lang = useLanguage();
  const site = useSite();
  const { gauges } = useHallState();
  const over = site.site.gauges.flatMap((g) => {
    const v = gauges.find((x) => x.gaugeId === g.id && x.over);
    return v ? [{ g, v }] : [];
  });
  if (over.length === 0) return null;
  return (
    <div className="chain-notice gauge-notice" role="alert" data-testid="gauge-notice">
      <strong>⚠ {lang.t('gaugeNoticeOver')}</strong>
      {over.map(({ g, v }) => (
        <span key={g.id} data-testid="gauge-notice-item" data-gauge-id={g.id}>
          {g.name} {gaugeValue(g.kind, v.value)}（{lang.t('gaugeWarnAt')} {gaugeValue(g.kind, g.warnAt)}）
        </span>
      ))}
    </div>
  );
}
