// The S-5 figures on the console, computed with the shared KPI code from the cases the console holds (it holds
// every case), for today or this week: rate, numerator/denominator, target and met / not met as a word and an
// icon, and bars where a glance beats reading. The daily report downloads as xlsx or PDF.
import { useState } from 'react';
import { computeKpis, KPI_LABELS, KPI_NAMES, type KpiName, type KpiResult } from '../../../electron/common/kpi/kpi-definitions.ts';
import { kpisByUnit } from '../../../electron/common/kpi/kpi-grouping.ts';
import { beijingDate, nextStart, startOf, type PeriodUnit } from '../../../electron/common/kpi/periods.ts';
import { Department } from '../../../electron/common/protocol.ts';
import { downloadFile } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';

const KPI_EN: Record<KpiName, string> = {
  proactiveDiscovery: 'Proactive discovery rate', closure: 'Closure rate', onTime: 'On-time rate', actualResolution: 'Actual resolution rate',
  satisfaction: 'Satisfaction', urgentArrival15m: 'Urgent on scene ≤ 15 min', urgentResult1h: 'Urgent result ≤ 1 h', gridSelfHandling: 'Grid self-handling rate',
};

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)}%`);

function Verdict({ result }: { result: KpiResult }) {
  const lang = useLanguage();
  if (result.met === undefined) return <span className="verdict verdict-none">{result.target === undefined ? lang.t('noTarget') : lang.t('noData')}</span>;
  return <span className={`verdict verdict-${result.met ? 'met' : 'missed'}`}>{result.met ? `✔ ${lang.t('targetMet')}` : `✘ ${lang.t('targetMissed')}`}</span>;
}

export function KpiBoard({ now }: { now: number }) {
  const lang = useLanguage();
  const site = useSite();
  const { bridge } = useHall();
  const { cases } = useHallState();
  const [unit, setUnit] = useState<PeriodUnit>('day');
  const [download, setDownload] = useState<string | null>(null);
  const from = startOf(unit, now);
  const period = { from, to: nextStart(unit, from) };
  const kpis = computeKpis(cases, period, now, site.kpiRules);
  const byDepartment = kpisByUnit(cases, 'department', period, now, site.kpiRules).filter((g) => g.kpis.closure.denominator > 0);
  const most = Math.max(1, ...byDepartment.map((g) => g.kpis.closure.denominator));
  const date = beijingDate(now);

  const save = async (ext: 'xlsx' | 'pdf') => {
    setDownload(lang.t('downloading'));
    try {
      await downloadFile(bridge, 'dailyReport', { params: { format: ext }, query: { date } }, `城运日报-${date}.${ext}`);
      setDownload(`${lang.t('downloaded')} 城运日报-${date}.${ext}`);
    } catch (error) {
      setDownload(String(error));
    }
  };

  return (
    <section className="kpi-board" data-testid="kpi-board" aria-label={lang.t('tabKpi')}>
      <header className="kpi-head">
        <span role="group" aria-label={lang.t('period')} className="segmented">
          {(['day', 'week'] as const).map((u) => (
            <button key={u} type="button" aria-pressed={unit === u} data-testid={`kpi-period-${u}`} onClick={() => setUnit(u)}>
              {lang.t(u === 'day' ? 'today' : 'thisWeek')}
            </button>
          ))}
        </span>
        <span className="muted">{beijingDate(period.from)} – {beijingDate(period.to - 1)} · {lang.t('casesHeld')} {cases.length}</span>
        <span className="kpi-downloads">
          <button type="button" data-testid="report-xlsx" onClick={() => void save('xlsx')}>↓ {lang.t('dailyReport')} xlsx</button>
          <button type="button" data-testid="report-pdf" onClick={() => void save('pdf')}>↓ {lang.t('dailyReport')} PDF</button>
          {download && <span className="muted" data-testid="report-status">{download}</span>}
        </span>
      </header>
      <table className="kpi-table">
        <thead>
          <tr>
            <th>{lang.t('kpi')}</th><th>{lang.t('rate')}</th><th className="kpi-bar-cell" aria-hidden="true" /><th>{lang.t('count')}</th><th>{lang.t('target')}</th><th>{lang.t('verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {KPI_NAMES.map((name) => {
            const r = kpis[name];
            return (
              <tr key={name} data-testid={`kpi-${name}`} data-numerator={r.numerator} data-denominator={r.denominator}>
                <th scope="row">{lang.language === 'zh' ? KPI_LABELS[name] : KPI_EN[name]}</th>
                <td className="kpi-rate">{percent(r.rate)}</td>
                <td className="kpi-bar-cell">
                  <span className="kpi-bar">
                    <span className={`kpi-fill${r.met === false ? ' missed' : ''}`} style={{ width: `${(r.rate ?? 0) * 100}%` }} />
                    {r.target !== undefined && <span className="kpi-target" style={{ left: `${r.target * 100}%` }} title={percent(r.target)} />}
                  </span>
                </td>
                <td className="kpi-count" data-testid={`kpi-${name}-count`}>{r.numerator}/{r.denominator}</td>
                <td>{r.target === undefined ? '—' : `≥ ${percent(r.target)}`}</td>
                <td><Verdict result={r} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{lang.t('closureByDepartment')}</h3>
      {byDepartment.length === 0 && <p className="muted">{lang.t('noData')}</p>}
      <ul className="dept-bars">
        {byDepartment.map((g) => {
          const c = g.kpis.closure;
          const department = Department.safeParse(g.key);
          return (
            <li key={g.key}>
              <span className="dept-name">{department.success ? site.departmentName(department.data) : lang.t('notDispatched')}</span>
              <span className="dept-bar" style={{ width: `${(c.denominator / most) * 100}%` }}>
                <span className="dept-closed" style={{ width: `${(c.numerator / c.denominator) * 100}%` }} />
              </span>
              <span className="dept-count">{c.numerator}/{c.denominator} {lang.t('closedWord')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
