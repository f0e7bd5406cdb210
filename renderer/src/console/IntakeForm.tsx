// Case intake at the console (受理): the operator types a ticket, the hall stores it and every screen shows
// it. The hall's answer (ack with the case number, or its reason for refusing) is shown right here.
import { useRef, useState, type FormEvent } from 'react';
import { CaseDraft, CaseSource, describeIssues, type Urgency } from '../../../electron/common/protocol.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { CommandRejected } from '../hall-client.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useShortcut } from './use-shortcut.ts';

/** Frequent categories offered as suggestions; the field stays free text. */
const CATEGORY_SUGGESTIONS = ['市容环境', '占道经营', '违法搭建', '噪声扰民', '道路设施', '积水', '树木倒伏', '食品安全', '消防隐患', '治安秩序'];

type Status =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; no: number }
  | { kind: 'failed'; message: string };

const EMPTY = { title: '', category: '', address: '', description: '' };

export function IntakeForm() {
  const { client } = useHall();
  const { link } = useHallState();
  const lang = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState(EMPTY);
  const [source, setSource] = useState<CaseSource>('hotline12345');
  const [urgency, setUrgency] = useState<Urgency>('general');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useShortcut({ code: 'KeyN', alt: true }, () => titleRef.current?.focus());
  useShortcut({ code: 'KeyU', alt: true }, () => setUrgency((u) => (u === 'urgent' ? 'general' : 'urgent')));
  useShortcut({ code: 'Enter', ctrl: true }, () => formRef.current?.requestSubmit());

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (status.kind === 'sending') return;
    const draft = CaseDraft.safeParse({ ...fields, source, urgency });
    if (!draft.success) return setStatus({ kind: 'failed', message: describeIssues(draft.error) });
    setStatus({ kind: 'sending' });
    try {
      const ack = await client.sendCommand({ kind: 'case.create', draft: draft.data });
      setStatus({ kind: 'done', no: ack.eventSeq });
      setFields(EMPTY);
      setUrgency('general');
      titleRef.current?.focus();
    } catch (error) {
      const message = error instanceof CommandRejected ? `${lang.t('rejectedBy')}${error.message}` : String(error);
      setStatus({ kind: 'failed', message });
    }
  };

  const text = (name: keyof typeof EMPTY) => ({
    id: `intake-${name}`,
    name,
    'data-testid': `intake-${name}`,
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });

  return (
    <form ref={formRef} className="intake" data-testid="intake-form" onSubmit={onSubmit} aria-labelledby="intake-heading">
      <h2 id="intake-heading">{lang.t('intakeTitle')}</h2>

      <label htmlFor="intake-title">{lang.t('fieldTitle')} <kbd>Alt+N</kbd></label>
      <input ref={titleRef} {...text('title')} required maxLength={200} autoComplete="off" autoFocus />

      <label htmlFor="intake-source">{lang.t('fieldSource')}</label>
      <select id="intake-source" data-testid="intake-source" value={source} onChange={(e) => setSource(CaseSource.parse(e.target.value))}>
        {CaseSource.options.map((s) => (
          <option key={s} value={s}>{lang.source(s)}</option>
        ))}
      </select>

      <fieldset className="intake-urgency">
        <legend>{lang.t('fieldUrgency')} <kbd>Alt+U</kbd></legend>
        {(['urgent', 'general'] as const).map((u) => (
          <label key={u} className={`urgency-choice urgency-${u}`}>
            <input type="radio" name="urgency" value={u} data-testid={`intake-urgency-${u}`} checked={urgency === u} onChange={() => setUrgency(u)} />
            {lang.urgency(u)}
          </label>
        ))}
      </fieldset>

      <label htmlFor="intake-category">{lang.t('fieldCategory')}</label>
      <input {...text('category')} required maxLength={50} list="intake-category-suggestions" autoComplete="off" />
      <datalist id="intake-category-suggestions">
        {CATEGORY_SUGGESTIONS.map((c) => <option key={c} value={c} />)}
      </datalist>

      <label htmlFor="intake-address">{lang.t('fieldAddress')}</label>
      <input {...text('address')} maxLength={200} autoComplete="off" />

      <label htmlFor="intake-description">{lang.t('fieldDescription')}</label>
      <textarea {...text('description')} maxLength={4000} rows={4} />

      <button type="submit" data-testid="intake-submit" disabled={status.kind === 'sending'}>
        {lang.t('submit')} <kbd>Ctrl+Enter</kbd>
      </button>
      <p className={`intake-status status-${status.kind}`} data-testid="intake-status" role="status" aria-live="polite">
        {status.kind === 'sending' && (link === 'live' ? lang.t('submitting') : lang.t('queuedOffline'))}
        {status.kind === 'done' && `${lang.t('reported')} #${status.no}`}
        {status.kind === 'failed' && status.message}
      </p>

      <p className="intake-shortcuts">
        {lang.t('shortcuts')}: <kbd>Alt+N</kbd> {lang.t('shortcutNew')} · <kbd>Alt+U</kbd> {lang.t('shortcutUrgency')} ·{' '}
        <kbd>Ctrl+Enter</kbd> {lang.t('shortcutSubmit')}
      </p>
    </form>
  );
}
