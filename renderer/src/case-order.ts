import type { CaseView } from '../../electron/common/protocol.ts';

/** Queue order everywhere: urgent before general, then newest first (highest number breaks ties). */
export function queueOrder(cases: readonly CaseView[]): CaseView[] {
  return [...cases].sort(
    (a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') || b.createdAt - a.createdAt || b.no - a.no,
  );
}
