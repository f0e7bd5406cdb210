// The daily report of a chosen day and the weekly report of a chosen ISO week, as xlsx or PDF, downloaded with
// the seat's token. A button says it is working while the hall prepares the file (a PDF takes a moment), and the
// line beside them what came of it.
import { useState } from 'react';
import { beijingDate, isoWeekOf } from '../../../../electron/common/kpi/periods.ts';
import { downloadFile } from '../../hall-api.ts';
import { useHall } from '../../hall-context.tsx';
import { useLanguage } from '../../i18n/language.tsx';

type Report = 'daily' | 'weekly';
type Format = 'xlsx' | 'pdf';
const FILE_TITLES: Record<Report, string> = { daily: '城运日报', weekly: '城运周报' };

export function ReportExports({ now }: { now: number }) {
  const lang = useLanguage();
  const { bridge } = useHall();
  // Today and this week until the commander picks another (so a console left open for days still offers today).
  const [chosenDate, setDate] = useState<string | null>(null);
  const [chosenWeek, setWeek] = useState<string | null>(null);
  const date = chosenDate ?? beijingDate(now);
  const week = chosenWeek ?? isoWeekOf(now);
  const [working, setWorking] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (report: Report, format: Format) => {
    const when = report === 'daily' ? date : week;
    const fileName = `${FILE_TITLES[report]}-${when}.${format}`;
    setWorking(`${report}-${format}`);
    setStatus(null);
    try {
      if (report === 'daily') await downloadFile(bridge, 'dailyReport', { params: { format }, query: { date } }, fileName);
      else await downloadFile(bridge, 'weeklyReport', { params: { format }, query: { week } }, fileName);
      setStatus({ ok: true, text: `${lang.t('downloaded')} ${fileName}` });
    } catch (error) {
      setStatus({ ok: false, text: (error as Error).message });
    } finally {
      setWorking(null);
    }
  };
  const button = (report: Report, format: Format) => {
    const id = `${report}-${format}`;
    return (
      <button type="button" data-testid={`report-${id}`} disabled={working !== null || !(report === 'daily' ? date : week)} aria-busy={working === id} onClick={() => void save(report, format)}>
        {working === id ? lang.t('downloading') : `↓ ${format === 'xlsx' ? 'xlsx' : 'PDF'}`}
      </button>
    );
  };

  return (
    <section className="report-exports" aria-label={lang.t('reports')}>
      <label>
        {lang.t('dailyReport')} <input type="date" data-testid="report-date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      {button('daily', 'xlsx')}
      {button('daily', 'pdf')}
      <label>
        {lang.t('weeklyReport')} <input type="week" data-testid="report-week" value={week} onChange={(e) => setWeek(e.target.value)} />
      </label>
      {button('weekly', 'xlsx')}
      {button('weekly', 'pdf')}
      {status && <span className={status.ok ? 'muted' : 'status-failed'} data-testid="report-status" role="status">{status.text}</span>}
    </section>
  );
}
