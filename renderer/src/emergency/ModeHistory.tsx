// The switches of the command mode, the latest first (from the log, /api/modes/history): when, to what, why, who,
// and whether it was a drill. Fetched again whenever the mode changes.
import { useEffect, useState } from 'react';
import type { ModeHistoryEntry } from '../../../electron/common/http-api.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { modeLabel } from './mode-label.ts';

export function ModeHistory() {
  const lang = useLanguage();
  const { bridge } = useHall();
  const { mode } = useHallState();
  const [entries, setEntries] = useState<ModeHistoryEntry[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchApi(bridge, 'modeHistory', { signal: controller.signal }).then(setEntries, () => undefined);
    return () => controller.abort();
  }, [bridge, mode.seq]);
  return (
    <div data-testid="mode-history">
      <h3>{lang.t('modeHistory')}</h3>
      {entries?.length === 0 && <p className="muted">{lang.t('modeHistoryNone')}</p>}
      {entries && entries.length > 0 && (
        <table className="mode-history">
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="mode-history-row" data-mode={e.target.mode} data-drill={String(e.drill)}>
                <td>{beijingDateTime(e.at).slice(0, 16)}</td>
                <td>{e.drill && <strong className="mode-banner-drill">{lang.t('modeDrill')}</strong>}{modeLabel(e.target, lang.language)}</td>
                <td>{e.reason}</td>
                <td className="muted">{e.officer ? `${e.officer.name}（${e.officer.badge}）` : e.seat}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
