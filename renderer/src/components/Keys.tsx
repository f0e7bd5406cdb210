import { shortcutText, type Shortcut } from '../use-shortcut.ts';

/** A shortcut as shown beside the control it triggers. */
export function Keys({ shortcut }: { shortcut: Shortcut }) {
  return <kbd>{shortcutText(shortcut)}</kbd>;
}
