// One handover brief (交接班简报) on the console: who hands over to whom, the open cases by SLA state with the
// red lights, near-due, urgent and escalated ones listed, the forces, what happened in the last shift, the
// night's standby; its PDF; and, for the latest brief, the incoming commander's take-over (an event).
import { useState } from 'react';
import type { BriefCase, NotableEvent } from '../../../electron/common/domain/handover.ts';
import type { DutyPerson } from '../../../electron/common/domain/roster.ts';
import type { HandoverRecord } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { downloadFile } from '../hall-api.ts';
import { useHall } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useSite } from '../use-site.ts';
import { useDutyWords, type DutyWord } from './duty-words.ts';

const personText = (p: DutyPerson | null, none: string) => (p ? `${p.name}（${p.title}）☎ ${p.phone}` : none);

export function useAcknowledge(record: HandoverRecord | null) {
  const words = useDutyWords();
  const command = useCommand();
  const acknowledge = () => record && command.send({ kind: 'duty.acknowledgeHandover', key: record.brief.key }, words('acknowledged'));
  return { ...command, acknowledge };
}

function CaseSection({ title, list, testId }: { title: DutyWord; list: { cases: BriefCase[]; more: number }; testId: string }) {
  const words = useDutyWords();
  const lang = useLanguage();
  const site = useSite();
  return (
    <section className="brief-section" data-testid={testId}>
      <h4>{words(title)} <span className="count">{list.cases.length + list.more}</span></h4>
      {list.cases.length === 0 && <p className="muted">{words('none')}</p>}
      <ul>
        {list.cases.map((c) => (
          <li key={c.id} data-case-no={c.no}>
            <span className="case-no">#{c.no}</span> {c.title} <span className="muted">{site.urgencyName(c.urgency)} · {lang.state(c.state)} · {c.lead ? site.departmentName(c.lead) : '—'}</span>
            {c.deadline !== null && <span className={`sla sla-${c.level}`}> {beijingDateTime(c.deadline).slice(5, 16)} {c.level ? lang.slaLevel(c.level) : ''}</span>}
          </li>
        ))}
      </ul>
      {list.more > 0 && <p className="muted">+{list.more} {words('notListed')}</p>}
    </section>
  );
}

export function HandoverBriefView({ record, latest }: { record: HandoverRecord; latest: boolean }) {
  const words = useDutyWords();
  const lang = useLanguage();
  const site = useSite();
  const { bridge } = useHall();
  const { status, acknowledge } = useAcknowledge(record);
  const [pdf, setPdf] = useState<string | null>(null);
  const { brief, acknowledged } = record;
  const shift = (s: 'day' | 'night') => lang.t(s === 'day' ? 'dayShift' : 'nightShift');
  const fileName = `交接班简报-${brief.key}.pdf`;
  const download = async () => {
    try {
      await downloadFile(bridge, 'handoverPdf', { params: { key: brief.key } }, fileName);
      setPdf(`${words('downloaded')} ${fileName}`);
    } catch (error) {
      setPdf(String(error));
    }
  };
  const notableWord = (kind: NotableEvent['kind']) => (kind === 'urgent' ? words('urgentReported') : lang.action(kind));

  return (
    <article className="brief" data-testid="handover-brief" data-key={brief.key}>
      <header className="brief-head">
        <h3>{words('handoverBrief')} {brief.incoming.date} {shift(brief.incoming.shift)}</h3>
        <p data-testid="handover-outgoing"><span className="muted">{words('handingOver')}</span> {brief.outgoing.date} {shift(brief.outgoing.shift)} {personText(brief.outgoing.commander, lang.t('noRoster'))}</p>
        <p data-testid="handover-incoming">
          <span className="muted">{words('takingOver')}</span> <strong>{personText(brief.incoming.commander, lang.t('noRoster'))}</strong>{' '}
          <span className="muted">{beijingDateTime(brief.incoming.from).slice(0, 16)} – {beijingDateTime(brief.incoming.until).slice(0, 16)}</span>
        </p>
        <p className="muted">
          {words('generatedAt')} {beijingDateTime(brief.generatedAt)}{brief.generatedAt - brief.incoming.from > 60_000 ? ` · ${words('madeLate')}` : ''}
        </p>
        <div className="brief-actions">
          <button type="button" data-testid="handover-pdf" onClick={() => void download()}>↓ {words('downloadPdf')}</button>
          {acknowledged ? (
            <span className="status-done" data-testid="handover-ack-status">
              ✔ {words('acknowledged')} {beijingDateTime(acknowledged.at)} {acknowledged.officer?.name ?? acknowledged.seat}
            </span>
          ) : latest ? (
            <button type="button" className="primary" data-testid="handover-ack" disabled={status.kind === 'sending'} onClick={() => void acknowledge()}>{words('acknowledge')}</button>
          ) : null}
          {pdf && <span className="muted" data-testid="handover-pdf-status">{pdf}</span>}
        </div>
        <CommandOutcome status={status} testId="handover-ack-outcome" />
      </header>
      <dl className="brief-counts" data-testid="handover-open" data-total={brief.open.total} data-overdue={brief.open.overdue}>
        <div><dt>{words('openCases')}</dt><dd>{brief.open.total}</dd></div>
        <div className="sla-overdue-count"><dt>{words('overdue')}</dt><dd>{brief.open.overdue}</dd></div>
        <div><dt>{words('nearDue')}</dt><dd>{brief.open.nearDue}</dd></div>
        <div><dt>{words('normal')}</dt><dd>{brief.open.normal}</dd></div>
        <div><dt>{words('noClock')}</dt><dd>{brief.open.noClock}</dd></div>
        <div className="brief-states"><dt className="muted">{brief.byState.map((s) => `${lang.state(s.state)} ${s.count}`).join(' · ')}</dt></div>
      </dl>
      <div className="brief-sections">
        <CaseSection title="overdue" list={brief.redLights} testId="handover-red" />
        <CaseSection title="nearDue" list={brief.nearDue} testId="handover-near" />
        <CaseSection title="urgentOpen" list={brief.urgent} testId="handover-urgent" />
        <CaseSection title="escalated" list={brief.escalated} testId="handover-escalated" />
        <section className="brief-section" data-testid="handover-notable">
          <h4>{words('notable')} <span className="count">{brief.notable.events.length + brief.notable.more}</span></h4>
          {brief.notable.events.length === 0 && <p className="muted">{words('none')}</p>}
          <ul>
            {brief.notable.events.map((e, i) => (
              <li key={i} data-kind={e.kind}>
                <span className="muted">{beijingDateTime(e.at).slice(5, 16)}</span> <span className="case-no">#{e.no}</span> {e.title} · <strong>{notableWord(e.kind)}</strong>
                {e.reason && <span className="muted"> {e.reason}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section className="brief-section" data-testid="handover-forces">
          <h4>{words('forces')}</h4>
          <table className="force-table">
            <thead><tr><th /><th>{words('available')}</th><th>{words('enRoute')}</th><th>{words('onScene')}</th><th>{words('offDuty')}</th></tr></thead>
            <tbody>
              {brief.forces.map((f) => (
                <tr key={f.department}><td>{site.departmentName(f.department)}</td><td>{f.available}</td><td>{f.enRoute}</td><td>{f.onScene}</td><td>{f.offDuty}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
        {brief.incoming.shift === 'night' && (
          <section className="brief-section" data-testid="handover-standby">
            <h4>{words('standby')}</h4>
            <ul>
              {brief.standby.map((s) => <li key={s.department}>{site.departmentName(s.department)} {s.person.name} ☎ {s.person.phone}</li>)}
            </ul>
          </section>
        )}
      </div>
    </article>
  );
}
