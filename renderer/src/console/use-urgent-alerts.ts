// New urgent reports announce themselves (UI guide): a toast and a short beep for each urgent case that
// arrives while the console is open, unless this seat typed it in itself. Cases already there when it opened
// are marked in the queue, not announced.
import { useEffect, useRef, useState } from 'react';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { awaitsRegistration } from '../sla-order.ts';
import { useSite } from '../use-site.ts';

const TOAST_MS = 12_000;

let audio: AudioContext | null = null;

/** A two-tone beep, 0.35 s: short enough not to annoy, distinct from other hall sounds. */
function beep(): void {
  audio ??= new AudioContext();
  void audio.resume();
  const t = audio.currentTime;
  const gain = audio.createGain();
  gain.gain.setValueAtTime(0.2, t);
  gain.gain.exponentialRampToValueAtTime(0.001, t + 0.35);
  gain.connect(audio.destination);
  [880, 1320].forEach((hz, i) => {
    const tone = audio!.createOscillator();
    tone.frequency.value = hz;
    tone.connect(gain);
    tone.start(t + i * 0.15);
    tone.stop(t + 0.15 + i * 0.2);
  });
}

export function useUrgentAlerts(cases: readonly CaseView[], ready: boolean, ownSeatId: string | undefined) {
  const site = useSite();
  const seen = useRef<Set<string> | null>(null);
  const [toasts, setToasts] = useState<CaseView[]>([]);
  useEffect(() => {
    if (!ready) return;
    if (seen.current === null) {
      seen.current = new Set(cases.map((c) => c.id));
      return;
    }
    const fresh = cases.filter((c) => !seen.current!.has(c.id));
    fresh.forEach((c) => seen.current!.add(c.id));
    const urgent = fresh.filter((c) => awaitsRegistration(c, site) && c.createdBySeat !== ownSeatId);
    if (urgent.length === 0) return;
    beep();
    setToasts((t) => [...urgent, ...t]);
    const ids = new Set(urgent.map((c) => c.id));
    setTimeout(() => setToasts((t) => t.filter((c) => !ids.has(c.id))), TOAST_MS);
  }, [cases, ready, ownSeatId, site]);
  return { toasts, dismiss: (id: string) => setToasts((t) => t.filter((c) => c.id !== id)) };
}
