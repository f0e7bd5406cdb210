// Importing a roster file (CSV or xlsx) through a file input: the hall checks every row and stores the file
// only when all are good; the answer says what was set, or names each bad row and column (nothing changed).
// The template is the coming week as the roster has it, in either format, to fill in and import again.
import { useState } from 'react';
import type { RosterImportAnswer } from '../../../electron/common/http-api.ts';
import { downloadFile, postFile } from '../hall-api.ts';
import { useHall } from '../hall-context.tsx';
import { useDutyWords } from './duty-words.ts';

type Outcome = { kind: 'idle' } | { kind: 'importing'; file: string } | { kind: 'answered'; file: string; answer: RosterImportAnswer } | { kind: 'failed'; message: string };

export function RosterImport() {
  const words = useDutyWords();
  const { bridge } = useHall();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const upload = async (file: File) => {
    setOutcome({ kind: 'importing', file: file.name });
    try {
      setOutcome({ kind: 'answered', file: file.name, answer: await postFile(bridge, 'rosterImport', file, { query: { name: file.name } }) });
    } catch (error) {
      setOutcome({ kind: 'failed', message: String(error) });
    }
  };
  const template = (format: 'csv' | 'xlsx') =>
    downloadFile(bridge, 'rosterTemplate', { params: { format } }, `值班表模板.${format}`).catch((error: unknown) => setOutcome({ kind: 'failed', message: String(error) }));

  return (
    <div className="roster-import">
      <label>
        {words('importRoster')}
        <input
          type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="roster-file"
          disabled={outcome.kind === 'importing'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file chosen again (after fixing it) imports again
            if (file) void upload(file);
          }}
        />
      </label>
      <span className="roster-templates">
        <button type="button" data-testid="roster-template-csv" onClick={() => void template('csv')}>↓ {words('template')} CSV</button>
        <button type="button" data-testid="roster-template-xlsx" onClick={() => void template('xlsx')}>↓ xlsx</button>
      </span>
      <div className="roster-import-result" data-testid="roster-import-result" role="status" aria-live="polite">
        {outcome.kind === 'importing' && <span className="muted">{words('importing')} {outcome.file}</span>}
        {outcome.kind === 'failed' && <span className="status-failed">{outcome.message}</span>}
        {outcome.kind === 'answered' && outcome.answer.ok && (
          <span className="status-done">
            {words('imported')} {outcome.file}: {outcome.answer.dates} {words('importDates')}（{outcome.answer.rows} {words('importRows')}）{outcome.answer.first} – {outcome.answer.last}
          </span>
        )}
        {outcome.kind === 'answered' && !outcome.answer.ok && (
          <div className="roster-problems">
            <p className="status-failed">{words('importRefused')} {outcome.file}</p>
            <table data-testid="roster-problems">
              <thead><tr><th>{words('row')}</th><th>{words('column')}</th><th /></tr></thead>
              <tbody>
                {outcome.answer.problems.map((p, i) => (
                  <tr key={i} data-testid="roster-problem" data-row={p.row ?? ''} data-column={p.column ?? ''}>
                    <td>{p.row ?? words('wholeFile')}</td><td>{p.column ?? '—'}</td><td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {outcome.answer.count > outcome.answer.problems.length && <p className="muted">{words('problemsMore')} {outcome.answer.count - outcome.answer.problems.length}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
