import { useEffect, useState } from 'react';

/** The current time, re-read every `periodMs` (the clock and "data updated" ages tick with it). */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
