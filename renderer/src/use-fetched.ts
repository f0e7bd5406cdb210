// A value fetched once per change of `deps`, tried again every few seconds until it comes; null until then.
import { useEffect, useState } from 'react';

const RETRY_MS = 5_000;

export function useFetched<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      load(abort.signal).then(setValue, () => {
        if (!abort.signal.aborted) retry = setTimeout(attempt, RETRY_MS);
      });
    void attempt();
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, deps); // `deps` says when to fetch again
  return value;
}
