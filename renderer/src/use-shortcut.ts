// Keyboard shortcuts of the work screens (the console is keyboard first). Modifier shortcuts work anywhere;
// plain keys (J/K, arrows) are ignored while the operator types in a field, where they are just letters.
import { useEffect, useEffectEvent } from 'react';

export interface Shortcut {
  /** KeyboardEvent.code, so the shortcut works whatever the keyboard layout or IME state. */
  code: string;
  alt?: boolean;
  ctrl?: boolean;
}

export interface Binding extends Shortcut {
  run(): void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `Alt+R`, `Ctrl+Enter`, `J` — how a shortcut is written in the UI. */
export function shortcutText({ code, alt, ctrl }: Shortcut): string {
  const key = code.replace(/^Key|^Digit/, '').replace(/^Arrow/, '');
  return [ctrl && 'Ctrl', alt && 'Alt', key].filter(Boolean).join('+');
}

/** Runs the first binding that matches a key press anywhere in the window; Ctrl also matches ⌘ on a Mac. */
export function useShortcuts(bindings: readonly Binding[]): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const hit = bindings.find((b) => e.code === b.code && e.altKey === Boolean(b.alt) && (e.ctrlKey || e.metaKey) === Boolean(b.ctrl));
    if (!hit || (!hit.alt && !hit.ctrl && isTyping(e.target))) return;
    e.preventDefault();
    hit.run();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

export function useShortcut(shortcut: Shortcut, run: () => void): void {
  useShortcuts([{ ...shortcut, run }]);
}
