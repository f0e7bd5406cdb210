// The period's figures: rate, a bar against the target, numerator/denominator, target and met / not met as a word
// and an icon. A row picks the figure the trend and the ranking show; its count opens the cases behind it.
import type { KpiAnswer, KpiFigure } from '../../../../electron/common/http-api.ts';
import { KPI_NAMES, type KpiName } from '../../../../electron/common/kpi/kpi-definitions.ts';
import { useLanguage } from '../../i18n/language.tsx';

export const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)}%`);

export function Verdict({ result }: { result: KpiFigure }) {
  const lang = useLanguage();
  if (result.met === undefined) return <span className="verdict verdict-none">{result.target === undefined ? lang.t('noTarget') : lang.t('noData')}</span>;
  return <span className={`verdict verdict-${result.met ? 'met' : 'missed'}`}>{result.met ? `✔ ${lang.t('targetMet')}` : `✘ ${lang.t('targetMissed')}`}</span>;
}

interface Props {
  kpis: KpiAnswer['kpis'];
  selected: KpiName;
  onSelect(name: KpiName): void;
  onDrill(name: KpiName): void;
}

export function KpiFigures({ kpis, selected, onSelect, onDrill }: Props) {
  const lang = useLanguage();
  return (
    <table className="kpi-table" data-testid="kpi-figures">
      <thead>
        <tr>
          <th>{lang.t('kpi')}</th><th>{lang.t('rate')}</th><th className="kpi-bar-cell" aria-hidden="true" /><th>{lang.t('count')}</th><th>{lang.t('target')}</th><th>{lang.t('verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {KPI_NAMES.map((name) => {
          const r = kpis[name];
          return (
            <tr
              key={name} data-testid={`kpi-${name}`} data-numerator={r.numerator} data-denominator={r.denominator}
              className={name === selected ? 'selected' : undefined} aria-selected={name === selected} onClick={() => onSelect(name)}
            >
              <th scope="row">{lang.kpi(name)}</th>
              <td className="kpi-rate">{percent(r.rate)}</td>
              <td className="kpi-bar-cell">
                <span className="kpi-bar">
                  <span className={`kpi-fill${r.met === false ? ' missed' : ''}`} style={{ width: `${(r.rate ?? 0) * 100}%` }} />
                  {r.target !== undefined && <span className="kpi-target" style={{ left: `${r.target * 100}%` }} title={percent(r.target)} />}
                </span>
              </td>
              <td>
                <button
                  type="button" className="link-button kpi-count" data-testid={`kpi-${name}-count`} title={lang.t('drillShow')}
                  onClick={(e) => {
                    e.stopPropagation();
                    onDrill(name);
                  }}
                >
                  {r.numerator}/{r.denominator}
                </button>
              </td>
              <td>{r.target === undefined ? '—' : `≥ ${percent(r.target)}`}</td>
              <td><Verdict result={r} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
