// Forces by department and status (力量分布): counts a glance can read, and the same as a stacked bar chart.
import { useMemo } from 'react';
import type { Department, ForceStatus, ForceView } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { chartGrid, chartLegend, chartText, WallChart } from './WallChart.tsx';
import { departmentColor } from './map-style.ts';
import { useWallUnit } from './wall-scale.ts';
import { useWallWords, type WallWord } from './wall-words.ts';

const STATUSES: ReadonlyArray<[ForceStatus, WallWord, string]> = [
  ['available', 'statusAvailable', '#4ade80'],
  ['enRoute', 'statusEnRoute', '#22d3ee'],
  ['onScene', 'statusOnScene', '#f8fafc'],
  ['offDuty', 'statusOffDuty', '#475569'],
];

type Counts = Record<ForceStatus, number>;

export function ForcesPanel() {
  const { forces } = useHallState();
  const { language } = useLanguage();
  const site = useSite();
  const words = useWallWords();
  const unit = useWallUnit();
  // Positions update the forces every second; the counts change far less often.
  const key = forces.map((f) => `${f.department}:${f.status}`).join();
  const byDepartment = useMemo(() => countByDepartment(forces), [key]);
  const departments = [...byDepartment.keys()];
  const onDuty = forces.filter((f) => f.status !== 'offDuty').length;
  const option = useMemo(
    () => ({
      grid: chartGrid(unit),
      legend: chartLegend(unit),
      xAxis: { type: 'value', minInterval: 1, axisLabel: chartText(unit), splitLine: { lineStyle: { color: '#1e2a3d' } } },
      yAxis: { type: 'category', data: departments.map((d) => site.departmentName(d)), axisLabel: chartText(unit), inverse: true },
      series: STATUSES.map(([status, word, color]) => ({
        name: words(word), type: 'bar', stack: 'all', data: departments.map((d) => byDepartment.get(d)![status]), itemStyle: { color },
      })),
    }),
    [byDepartment, departments.join(), language, words, unit, site],
  );
  return (
    <section className="wall-board forces-board" data-testid="forces-panel">
      <h2>
        {words('forcesTitle')} · {words('forcesTotal')} <span className="count">{onDuty}</span>
      </h2>
      <table className="forces-table">
        <thead>
          <tr>
            <th />
            {STATUSES.map(([status, word]) => <th key={status}>{words(word)}</th>)}
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d} data-testid="forces-row">
              <th>
                <span style={{ color: departmentColor(d) }} aria-hidden="true">▲</span> {site.departmentName(d)}
              </th>
              {STATUSES.map(([status]) => <td key={status}>{byDepartment.get(d)![status]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <WallChart option={option} testId="forces-chart" />
    </section>
  );
}

function countByDepartment(forces: readonly ForceView[]): Map<Department, Counts> {
  const counts = new Map<Department, Counts>();
  for (const f of [...forces].sort((a, b) => a.department.localeCompare(b.department))) {
    const c = counts.get(f.department) ?? { available: 0, enRoute: 0, onScene: 0, offDuty: 0 };
    c[f.status]++;
    counts.set(f.department, c);
  }
  return counts;
}
