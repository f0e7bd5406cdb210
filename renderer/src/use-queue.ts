import { useMemo } from 'react';
import type { CaseView } from '../../electron/common/protocol.ts';
import { queueOrder } from './case-order.ts';
import { useHallState } from './hall-context.tsx';
import { useSite } from './use-site.ts';

/** The live cases in queue order, and whether they may be out of date (link not live): stale data is greyed. */
export function useQueue(): { cases: CaseView[]; stale: boolean } {
  const { cases, link } = useHallState();
  const { urgencyRank } = useSite();
  const ordered = useMemo(() => queueOrder(cases, urgencyRank), [cases, urgencyRank]);
  return { cases: ordered, stale: link !== 'live' };
}
