// The `kpi` route's answer for a query, fetched with this seat's token and fetched again shortly after the hall's
// log moves on (a case reported, dispatched, closed …), so the figures follow the hall without polling. While a
// new answer is on its way the last one stays shown, marked as being updated.
import { useEffect, useState } from 'react';
import type { KpiAnswer } from '../../../../electron/common/http-api.ts';
import { fetchApi } from '../../hall-api.ts';
import { useHall, useHallState } from '../../hall-context.tsx';

/** Events come in bursts (a dispatch is several); one fetch after the burst. */
const SETTLE_MS = 700;

export type KpiParams = Record<string, string | undefined>;

export interface KpiLoad {
  answer: KpiAnswer | null;
  /** The query the answer is for (the shown figures may be a previous query's while `loading`). */
  answerKey: string | null;
  loading: boolean;
  error: string | null;
}

/** Fetches while `params` is not null (a hidden view passes null and fetches nothing). */
export function useKpi(params: KpiParams | null): KpiLoad {
  const { bridge } = useHall();
  const { lastEventSeq } = useHallState();
  const settledSeq = useSettled(lastEventSeq, SETTLE_MS);
  const key = params && JSON.stringify(params);
  const [load, setLoad] = useState<KpiLoad>({ answer: null, answerKey: null, loading: false, error: null });
  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    setLoad((l) => ({ ...l, loading: true }));
    fetchApi(bridge, 'kpi', { query: JSON.parse(key) as KpiParams, signal: abort.signal }).then(
      (answer) => setLoad({ answer, answerKey: key, loading: false, error: null }),
      (error: Error) => {
        if (!abort.signal.aborted) setLoad((l) => ({ ...l, loading: false, error: error.message }));
      },
    );
    return () => abort.abort();
  }, [bridge, key, settledSeq]);
  return load;
}

/** `value`, changing only once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
