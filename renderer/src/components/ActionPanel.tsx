// The actions this seat may take on the case now — exactly what availableActions() allows, nothing more — each
// with the inputs it needs. Dangerous acts (reject, designate, reopen) ask for a reason and a confirmation.
import { useState } from 'react';
import { availableActions } from '../../../electron/common/domain/case-lifecycle.ts';
import { duplicateCandidates } from '../../../electron/common/domain/duplicates.ts';
import { Department, Satisfaction, type CaseActionName, type CaseView, type SeatInfo } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useShortcuts, type Shortcut } from '../use-shortcut.ts';
import { ACTION_INPUTS, DANGEROUS, EMPTY_INPUTS, buildAct, type ActionInputs } from './action-form.ts';
import { Keys } from './Keys.tsx';

type FormAction = Exclude<CaseActionName, 'dispatch'>;

/** Alt+letter for the everyday steps of the closed loop. */
export const ACTION_KEYS: Readonly<Partial<Record<FormAction, Shortcut>>> = {
  register: { code: 'KeyR', alt: true }, reject: { code: 'KeyX', alt: true }, accept: { code: 'KeyA', alt: true },
  arrive: { code: 'KeyO', alt: true }, handle: { code: 'KeyH', alt: true }, verify: { code: 'KeyV', alt: true },
  close: { code: 'KeyC', alt: true }, evaluate: { code: 'KeyE', alt: true }, return: { code: 'KeyT', alt: true },
};

export function ActionPanel({ view, seat, locked }: { view: CaseView; seat: SeatInfo; locked: string | null }) {
  const lang = useLanguage();
  const site = useSite();
  const { cases } = useHallState();
  const { status, send, fail } = useCommand();
  const [open, setOpen] = useState<FormAction | null>(null);
  const [inputs, setInputs] = useState<ActionInputs>(EMPTY_INPUTS);
  const [confirmed, setConfirmed] = useState(false);

  const duplicates = duplicateCandidates(view, cases);
  const actions = availableActions(view, seat).filter(
    // 工单变更 is the district's (it arrives over the upstream link), not a button.
    (a): a is FormAction => a !== 'dispatch' && a !== 'amend' && (a !== 'merge' || duplicates.length > 0),
  );

  const take = async (action: FormAction, given: ActionInputs) => {
    const built = buildAct(action, given);
    if (!built.ok) return fail(built.message);
    if (await send({ kind: 'case.act', caseId: view.id, act: built.act }, `${lang.action(action)} ✓`)) setOpen(null);
  };
  const start = (action: FormAction) => {
    if (locked) return;
    if (ACTION_INPUTS[action].length === 0) return void take(action, EMPTY_INPUTS);
    setInputs({ ...EMPTY_INPUTS, into: duplicates[0]?.original.id ?? '', lead: view.lead ?? 'police' });
    setConfirmed(false);
    setOpen(action);
  };
  useShortcuts(actions.flatMap((a) => (ACTION_KEYS[a] ? [{ ...ACTION_KEYS[a], run: () => start(a) }] : [])));

  const set = <K extends keyof ActionInputs>(name: K, value: ActionInputs[K]) => setInputs((f) => ({ ...f, [name]: value }));
  const needs = open ? ACTION_INPUTS[open] : [];
  const dangerous = open !== null && DANGEROUS.has(open);

  return (
    <section className="actions" aria-label={lang.t('actions')} data-testid="actions">
      {locked && <p className="actions-locked">{locked}</p>}
      <div className="action-buttons">
        {actions.length === 0 && <span className="muted">{lang.t('noActions')}</span>}
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`action action-${a}${DANGEROUS.has(a) ? ' danger' : ''}${open === a ? ' open' : ''}`}
            data-testid={`action-${a}`}
            disabled={locked !== null || status.kind === 'sending'}
            onClick={() => start(a)}
          >
            {lang.action(a)} {ACTION_KEYS[a] && <Keys shortcut={ACTION_KEYS[a]} />}
          </button>
        ))}
      </div>
      {open && (
        <form
          className={`action-form${dangerous ? ' danger' : ''}`}
          data-testid="action-form"
          onKeyDown={(e) => {
            // Ctrl+Enter submits this form, not the intake form that owns the shortcut elsewhere.
            if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
            e.preventDefault();
            e.stopPropagation();
            e.currentTarget.requestSubmit();
          }}
          onSubmit={(e) => {
            e.preventDefault();
            void take(open, inputs);
          }}
        >
          <h4>{lang.action(open)}</h4>
          {needs.includes('lead') && (
            <label>
              {lang.t('designateLead')}
              <select data-testid="input-lead" value={inputs.lead} onChange={(e) => set('lead', Department.parse(e.target.value))}>
                {site.leadDepartments.map((d) => <option key={d} value={d}>{site.departmentName(d)}</option>)}
              </select>
            </label>
          )}
          {needs.includes('into') && (
            <label>
              {lang.t('mergeInto')}
              <select data-testid="input-into" value={inputs.into} onChange={(e) => set('into', e.target.value)}>
                {duplicates.map((d) => <option key={d.original.id} value={d.original.id}>#{d.original.no} {d.original.title}</option>)}
              </select>
            </label>
          )}
          {needs.includes('passed') && (
            <fieldset className="choice">
              <legend>{lang.t('verifyResult')}</legend>
              {[true, false].map((passed) => (
                <label key={String(passed)}>
                  <input type="radio" name="passed" data-testid={`input-passed-${passed}`} checked={inputs.passed === passed} onChange={() => set('passed', passed)} />
                  {lang.t(passed ? 'verifyPassed' : 'verifyFailed')}
                </label>
              ))}
            </fieldset>
          )}
          {needs.includes('satisfaction') && (
            <fieldset className="choice">
              <legend>{lang.t('satisfaction')}</legend>
              {Satisfaction.options.map((s) => (
                <label key={s}>
                  <input type="radio" name="satisfaction" data-testid={`input-satisfaction-${s}`} checked={inputs.satisfaction === s} onChange={() => set('satisfaction', s)} />
                  {lang.satisfaction(s)}
                </label>
              ))}
            </fieldset>
          )}
          {needs.includes('resolved') && (
            <label className="check">
              <input type="checkbox" data-testid="input-resolved" checked={inputs.resolved} onChange={(e) => set('resolved', e.target.checked)} />
              {lang.t('resolved')}
            </label>
          )}
          {needs.includes('reason') && (
            <label>
              {lang.t('reason')}
              <textarea data-testid="input-reason" rows={2} maxLength={500} required value={inputs.reason} onChange={(e) => set('reason', e.target.value)} autoFocus />
            </label>
          )}
          {needs.includes('until') && (
            <label>
              {lang.t('suspendUntil')}
              <input type="datetime-local" data-testid="input-until" required value={inputs.until} onChange={(e) => set('until', e.target.value)} />
            </label>
          )}
          {needs.includes('note') && (
            <label>
              {lang.t(open === 'handle' ? 'handleNote' : 'note')}
              <textarea data-testid="input-note" rows={2} maxLength={500} value={inputs.note} onChange={(e) => set('note', e.target.value)} autoFocus={!needs.includes('reason')} />
            </label>
          )}
          {needs.includes('attachments') && (
            <label>
              {lang.t('photoRefs')}
              <input data-testid="input-attachments" value={inputs.attachments} placeholder="IMG_0001.jpg, IMG_0002.jpg" onChange={(e) => set('attachments', e.target.value)} />
            </label>
          )}
          {needs.includes('selfHandled') && (
            <label className="check">
              <input type="checkbox" data-testid="input-self-handled" checked={inputs.selfHandled} onChange={(e) => set('selfHandled', e.target.checked)} />
              {lang.t('selfHandled')}
            </label>
          )}
          {dangerous && (
            <label className="check confirm">
              <input type="checkbox" data-testid="input-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              {lang.t('confirmDangerous')}
            </label>
          )}
          <div className="form-buttons">
            <button type="submit" className="primary" data-testid="action-submit" disabled={status.kind === 'sending' || (dangerous && !confirmed)}>
              {lang.t('confirm')} {lang.action(open)} <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" onClick={() => setOpen(null)}>{lang.t('cancel')}</button>
          </div>
        </form>
      )}
      <CommandOutcome status={status} testId="action-outcome" />
    </section>
  );
}
