// New copies to the leader (抄报) announce themselves on every console (a toast for each one made while the
// console is open); those already there when it opened are listed in the 顽症 tab, not announced.
import { useEffect, useRef, useState } from 'react';
import type { LeaderCopy } from '../../../electron/common/protocol.ts';

const TOAST_MS = 15_000;

export function useCopyAlerts(copies: readonly LeaderCopy[], ready: boolean) {
  const seen = useRef<Set<string> | null>(null);
  const [toasts, setToasts] = useState<LeaderCopy[]>([]);
  useEffect(() => {
    if (!ready) return;
    if (seen.current === null) {
      seen.current = new Set(copies.map((c) => c.id));
      return;
    }
    const fresh = copies.filter((c) => !seen.current!.has(c.id) && c.acknowledgedAt === null);
    copies.forEach((c) => seen.current!.add(c.id));
    if (fresh.length === 0) return;
    setToasts((t) => [...fresh, ...t]);
    const ids = new Set(fresh.map((c) => c.id));
    setTimeout(() => setToasts((t) => t.filter((c) => !ids.has(c.id))), TOAST_MS);
  }, [copies, ready]);
  return { toasts, dismiss: (id: string) => setToasts((t) => t.filter((c) => c.id !== id)) };
}
