import type { CaseView } from '../../electron/common/protocol.ts';

/** Queue order everywhere: the more urgent grade first (the site's order), then newest first (highest number
 *  breaks ties). */
export function queueOrder(cases: readonly CaseView[], urgencyRank: (urgency: string) => number): CaseView[] {
  return [...cases].sort((a, b) => urgencyRank(a.urgency) - urgencyRank(b.urgency) || b.createdAt - a.createdAt || b.no - a.no);
}
