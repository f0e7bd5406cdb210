// Work order for the console queue and the desks: what burns first comes first. Urgent reports nobody has
// registered yet lead (they have no clock running but must be taken within minutes), then running clocks by
// colour (红灯超时, 临近, normal) and time left, then cases without a clock, the more urgent grade first, newest first.
import type { CaseView } from '../../electron/common/protocol.ts';
import { slaStatus, type SlaLevel, type SlaPolicy } from '../../electron/common/domain/sla.ts';

/** What ordering needs of the site (use-site.ts). */
export interface UrgencyOrder { policy: SlaPolicy; isUrgent(urgency: string): boolean; urgencyRank(urgency: string): number }

const LEVEL_RANK: Record<SlaLevel, number> = { overdue: 0, nearDue: 1, normal: 2 };

/** An urgent case still waiting for 受理: announced, and marked until someone registers it. */
export const awaitsRegistration = (c: CaseView, site: Pick<UrgencyOrder, 'isUrgent'>) => site.isUrgent(c.urgency) && c.state === 'reported';

export function slaOrder(cases: readonly CaseView[], now: number, site: UrgencyOrder): CaseView[] {
  const keyed = cases.map((c) => {
    const sla = slaStatus(c, now, site.policy);
    return {
      c,
      rank: site.urgencyRank(c.urgency),
      waiting: awaitsRegistration(c, site) ? 0 : 1,
      level: sla.clock === null ? 3 : LEVEL_RANK[sla.level],
      left: sla.clock === null ? Infinity : sla.remainingMs,
    };
  });
  keyed.sort(
    (a, b) => a.waiting - b.waiting || a.level - b.level || a.left - b.left
      || a.rank - b.rank || b.c.createdAt - a.c.createdAt || b.c.no - a.c.no,
  );
  return keyed.map((k) => k.c);
}
