// The episode's situation reports (灾情快报) on the console: each numbered, scheduled or on demand, with its xlsx
// and PDF; a report issued now on demand (it becomes an event and joins the list on every console).
import { useState } from 'react';
import { downloadFile, fetchApi } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { beijingDateTime } from '../beijing-time.ts';
import { useLanguage } from '../i18n/language.tsx';
import { DownloadStatus, useDownload } from './use-download.tsx';

export function SituationReports({ open, everyMin }: { open: boolean; everyMin: number | null }) {
  const lang = useLanguage();
  const { bridge } = useHall();
  const { situationReports } = useHallState();
  const download = useDownload();
  const [issuing, setIssuing] = useState<string | null>(null);
  const issue = async () => {
    setIssuing(lang.t('sending'));
    try {
      const ref = await fetchApi(bridge, 'situationReportIssue');
      setIssuing(`${lang.t('situationNo')}${ref.no}${lang.t('situationIssue2')} ✓`);
    } catch (error) {
      setIssuing((error as Error).message);
    }
  };
  return (
    <section className="plan-side-section" data-testid="situation-reports">
      <h3>{lang.t('situationTitle')} <span className="count">{situationReports.length}</span></h3>
      {everyMin !== null && <p className="muted">{lang.t('situationEvery')} {everyMin} {lang.t('planMinutes')}</p>}
      {open && (
        <p>
          <button type="button" data-testid="situation-issue" onClick={() => void issue()}>{lang.t('situationIssue')}</button>{' '}
          {issuing && <span className="muted" data-testid="situation-issue-outcome">{issuing}</span>}
        </p>
      )}
      {situationReports.length === 0 && <p className="muted">{lang.t('situationNone')}</p>}
      <ol className="situation-list">
        {[...situationReports].reverse().map((r) => {
          const name = `灾情快报-第${r.no}期`;
          return (
            <li key={r.id} data-testid="situation-report" data-report-id={r.id}>
              <span>{lang.t('situationNo')}{r.no}{lang.t('situationIssue2')}</span>
              <span className="muted">{beijingDateTime(r.at).slice(0, 16)} {lang.t(r.trigger === 'schedule' ? 'situationScheduled' : 'situationDemand')}</span>
              {(['xlsx', 'pdf'] as const).map((format) => (
                <button
                  key={format} type="button" data-testid={`situation-${format}`} disabled={download.working !== null}
                  onClick={() => void download.run(`${r.id}-${format}`, `${name}.${format}`, () => downloadFile(bridge, 'situationReportFile', { params: { reportId: r.id, format } }, `${name}.${format}`))}
                >
                  {format.toUpperCase()}
                </button>
              ))}
            </li>
          );
        })}
      </ol>
      <DownloadStatus status={download.status} testId="situation-download-status" />
    </section>
  );
}
