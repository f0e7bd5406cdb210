// The hall's audit chain as the console sees it (S-9): its status, read when the console connects to a hall
// and then every half minute (every half second while a check runs, for its progress), and a full check the
// commander starts, which the hall runs in the background.
import { useCallback, useEffect, useState } from 'react';
import type { ChainStatus } from '../../../electron/common/http-api.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';

const IDLE_POLL_MS = 30_000;
const RUNNING_POLL_MS = 500;

export type ChainView = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; status: ChainStatus };

export function useAuditChain() {
  const { bridge } = useHall();
  const { link, hallId } = useHallState();
  const [view, setView] = useState<ChainView>({ kind: 'loading' });
  const [asked, setAsked] = useState(0);

  const running = view.kind === 'ready' && view.status.state === 'running';
  useEffect(() => {
    if (link !== 'live') return;
    const abort = new AbortController();
    const read = () =>
      fetchApi(bridge, 'auditChain', { signal: abort.signal })
        .then((status) => setView({ kind: 'ready', status }))
        .catch((error: unknown) => abort.signal.aborted || setView({ kind: 'failed', message: String(error) }));
    void read();
    const timer = setInterval(read, running ? RUNNING_POLL_MS : IDLE_POLL_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [bridge, link, hallId, running, asked]);

  const checkAll = useCallback(() => {
    fetchApi(bridge, 'auditChainCheck', { query: { from: 'start' } })
      .then((status) => setView({ kind: 'ready', status }))
      .catch((error: unknown) => setView({ kind: 'failed', message: String(error) }))
      .finally(() => setAsked((n) => n + 1));
  }, [bridge]);

  return { view, checkAll };
}
