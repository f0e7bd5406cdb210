// Importing a CAP warning file at the console (click to pick, or drop an .xml on the box): the hall's one ingest
// path checks it (POST /api/warnings) and answers what became of it, or refuses it with the code and reason and
// stores nothing.
import type { WarningAnswer } from '../../../electron/common/http-api.ts';
import { postFile } from '../hall-api.ts';
import { useHall } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useFileImport } from '../use-file-import.ts';


export function WarningImport() {
  const lang = useLanguage();
  const { bridge } = useHall();
  const { outcome, over, upload, dropZone } = useFileImport((file: File) => postFile(bridge, 'warningIngest', file, { query: { file: file.name } }));

  return (
    <div className={`warning-import${over ? ' drop-over' : ''}`} data-testid="warning-drop" {...dropZone}>
      <label>
        {lang.t('warningImport')}
        <input
          type="file" accept=".xml,.cap,application/xml,text/xml,application/cap+xml" data-testid="warning-file" disabled={outcome.kind === 'importing'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file chosen again imports again (and is answered as already received)
            if (file) void upload(file);
          }}
        />
      </label>
      <div className="warning-import-result" data-testid="warning-import-result" role="status" aria-live="polite">
        {outcome.kind === 'importing' && <span className="muted">{lang.t('warningImporting')} {outcome.file}</span>}
        {outcome.kind === 'failed' && <span className="status-failed">{outcome.message}</span>}
        {outcome.kind === 'answered' && <AnswerLine file={outcome.file} answer={outcome.answer} />}
      </div>
    </div>
  );
}

function AnswerLine({ file, answer }: { file: string; answer: WarningAnswer }) {
  const lang = useLanguage();
  if (!answer.ok) {
    return (
      <span className="status-failed" data-testid="warning-refused" data-code={answer.code}>
        {lang.t('warningRefused')} {file}（{lang.t('warningNothingStored')}）：[{answer.code}] {answer.reason}
      </span>
    );
  }
  const o = answer.outcome;
  const notes = [
    answer.covers ? lang.t('warningCovers') : lang.t('warningNotCovers'),
    ...(answer.duplicate ? [lang.t('warningDuplicate')] : []),
    ...(o && o.resolved.length ? [`${lang.t(o.held ? 'warningSuperseded' : 'warningWithdrew')} ${o.resolved.join('、')}`] : []),
    ...(o && o.unknownReferences.length ? [`${lang.t('warningUnknownRefs')}：${o.unknownReferences.map((r) => r.identifier).join('、')}`] : []),
    ...(o?.notHeld === 'expired' ? [lang.t('warningExpiredAlready')] : o?.notHeld === 'overtaken' ? [lang.t('warningOvertaken')] : o?.notHeld === 'notInForce' && !o.resolved.length ? [lang.t('warningNotInForce')] : []),
  ];
  return (
    <span className="status-done" data-testid="warning-taken" data-identifier={answer.identifier}>
      {lang.t('warningTaken')} {file}：{answer.identifier}（{notes.join('；')}）
    </span>
  );
}
