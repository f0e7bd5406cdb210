// Units ranked by the chosen figure, best first (督查考核, the `kpi` route's ranking): the leading ones as bars with
// the target line, all of them in a table; a bar or a row opens the cases behind that unit's figure. The shown
// ranking exports as CSV.
import { useMemo } from 'react';
import type { KpiAnswer } from '../../../../electron/common/http-api.ts';
import type { KpiName } from '../../../../electron/common/kpi/kpi-definitions.ts';
import { NO_UNIT } from '../../../../electron/common/kpi/kpi-grouping.ts';
import { EChart } from '../../components/EChart.tsx';
import { Keys } from '../../components/Keys.tsx';
import { saveBlob } from '../../hall-api.ts';
import type { MessageKey, Translator } from '../../i18n/dictionary.ts';
import { useLanguage } from '../../i18n/language.tsx';
import type { Shortcut } from '../../use-shortcut.ts';
import { useSite, type SiteView } from '../../use-site.ts';
import { CONSOLE_CHART_TEXT, rankingOption } from './kpi-charts.ts';
import { percent, Verdict } from './KpiFigures.tsx';
import { rankingCsv } from './ranking-csv.ts';

export type RankDimension = 'department' | 'grid' | 'category';
export const RANK_DIMENSIONS: ReadonlyArray<[RankDimension, MessageKey]> = [['department', 'rankDepartment'], ['grid', 'rankGrid'], ['category', 'rankCategory']];
/** Bars drawn at most (a street has over a hundred micro grids); the table has them all. */
const MAX_BARS = 15;
export type RankEntry = NonNullable<KpiAnswer['ranking']>[number];

/** Units by name in the current language; cases without one are a unit of their own. */
export function unitNamer(dimension: RankDimension, site: SiteView, lang: Translator) {
  return (key: string) => {
    if (key === NO_UNIT) return lang.t(dimension === 'department' ? 'notDispatched' : dimension === 'grid' ? 'noGrid' : 'noCategory');
    return dimension === 'department' ? site.departmentName(key) : key;
  };
}

interface Props {
  answer: KpiAnswer | null;
  ready: boolean;
  figure: KpiName;
  dimension: RankDimension;
  dimensionKey: Shortcut;
  span: { from: string; to: string };
  onDimension(d: RankDimension): void;
  onDrill(entry: RankEntry): void;
}

export function KpiRanking({ answer, ready, figure, dimension, dimensionKey, span, onDimension, onDrill }: Props) {
  const lang = useLanguage();
  const site = useSite();
  const entries = useMemo(() => answer?.ranking ?? [], [answer]);
  const unitName = unitNamer(dimension, site, lang);
  const ranked = useMemo(() => entries.filter((e) => e.rank > 0).slice(0, MAX_BARS), [entries]);
  const option = useMemo(() => {
    const name = unitNamer(dimension, site, lang);
    return rankingOption({ units: ranked.map((e) => name(e.key)), rates: ranked.map((e) => e.rate!), target: answer?.kpis[figure].target, rateName: lang.kpi(figure), targetWord: lang.t('target') });
  }, [ranked, answer, figure, lang, site, dimension]);
  const exportCsv = () => {
    const headers = [lang.t('rankNo'), lang.t('unit'), lang.kpi(figure), lang.t('numerator'), lang.t('denominator'), lang.t('target'), lang.t('verdict')];
    const verdict = (e: RankEntry) => (e.met === undefined ? (e.target === undefined ? lang.t('noTarget') : lang.t('noData')) : lang.t(e.met ? 'targetMet' : 'targetMissed'));
    const csv = rankingCsv(headers, entries.map((e) => ({ rank: e.rank, unit: unitName(e.key), rate: e.rate, numerator: e.numerator, denominator: e.denominator, target: e.target, verdict: verdict(e) })));
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${lang.kpi(figure)}-${lang.t(RANK_DIMENSIONS.find(([d]) => d === dimension)![1])}-${span.from}_${span.to}.csv`);
  };
  return (
    <section className="kpi-panel" data-testid="kpi-ranking" data-state={ready ? 'ready' : 'loading'} aria-label={lang.t('rankingTitle')}>
      <h3>
        {lang.t('rankingTitle')} · {lang.kpi(figure)}
        <span role="group" aria-label={lang.t('rankBy')} className="segmented">
          {RANK_DIMENSIONS.map(([d, word]) => (
            <button key={d} type="button" aria-pressed={dimension === d} data-testid={`rank-by-${d}`} onClick={() => onDimension(d)}>{lang.t(word)}</button>
          ))}
          <Keys shortcut={dimensionKey} />
        </span>
        <button type="button" data-testid="ranking-csv" disabled={entries.length === 0} onClick={exportCsv}>↓ {lang.t('exportCsv')}</button>
      </h3>
      {entries.filter((e) => e.rank > 0).length > MAX_BARS && <p className="muted">{lang.t('topN').replace('{n}', String(MAX_BARS))}</p>}
      <EChart option={option} testId="kpi-ranking-chart" className="console-chart" textStyle={CONSOLE_CHART_TEXT} onItemClick={(i) => ranked[i] && onDrill(ranked[i])} />
      <table className="kpi-table ranking-table" data-testid="ranking-table">
        <thead>
          <tr><th>{lang.t('rankNo')}</th><th>{lang.t('unit')}</th><th>{lang.t('rate')}</th><th>{lang.t('count')}</th><th>{lang.t('verdict')}</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.key} data-testid="ranking-row" data-key={e.key} data-rank={e.rank} onClick={() => onDrill(e)}>
              <td>{e.rank || '—'}</td>
              <th scope="row">{unitName(e.key)}</th>
              <td>{percent(e.rate)}</td>
              <td className="kpi-count">{e.numerator}/{e.denominator}</td>
              <td><Verdict result={e} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
