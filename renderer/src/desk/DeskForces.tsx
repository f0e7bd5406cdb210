// The desk's own forces (S-3.1) with their status, which the desk keeps up to date (force.setStatus).
import { ForceStatus, type Department } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';

export function DeskForces({ department, locked }: { department: Department; locked: boolean }) {
  const lang = useLanguage();
  const { forces } = useHallState();
  const { status, send } = useCommand();
  const own = forces.filter((f) => f.department === department).sort((a, b) => a.id.localeCompare(b.id));
  const counts = ForceStatus.options.map((s) => [s, own.filter((f) => f.status === s).length] as const);
  return (
    <section className="desk-forces" aria-labelledby="forces-heading" data-testid="desk-forces">
      <h2 id="forces-heading">
        {lang.t('ownForces')} <span className="count">{own.length}</span>
        <span className="force-counts muted">{counts.map(([s, n]) => `${lang.forceStatus(s)} ${n}`).join(' · ')}</span>
      </h2>
      <CommandOutcome status={status} testId="force-outcome" />
      <table className="force-table">
        <tbody>
          {own.map((f) => (
            <tr key={f.id} className={`force-${f.status}`} data-testid="force-row" data-force-id={f.id}>
              <td className="force-id">{f.id}</td>
              <td>{f.name}</td>
              <td className="muted">{lang.forceKind(f.kind)} · {f.gridId}</td>
              <td>
                <select
                  aria-label={`${f.id} ${lang.t('forceStatus')}`}
                  data-testid="force-status"
                  value={f.status}
                  disabled={locked}
                  onChange={(e) => void send({ kind: 'force.setStatus', forceId: f.id, status: ForceStatus.parse(e.target.value) }, `${f.id} ${lang.forceStatus(ForceStatus.parse(e.target.value))} ✓`)}
                >
                  {ForceStatus.options.map((s) => <option key={s} value={s}>{lang.forceStatus(s)}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
