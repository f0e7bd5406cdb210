import { useEffect, useEffectEvent } from 'react';

export interface Shortcut {
  /** KeyboardEvent.code, so the shortcut works whatever the keyboard layout or IME state. */
  code: string;
  alt?: boolean;
  ctrl?: boolean;
}

/** Runs `action` on the shortcut anywhere in the window; Ctrl also matches ⌘ on a Mac. */
export function useShortcut(shortcut: Shortcut, action: () => void): void {
  const run = useEffectEvent(action);
  const { code, alt = false, ctrl = false } = shortcut;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== code || e.altKey !== alt || (e.ctrlKey || e.metaKey) !== ctrl) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [code, alt, ctrl]);
}
