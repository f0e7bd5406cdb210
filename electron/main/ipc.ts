// The validated ipcMain: only the channels in common/ipc-channels.ts, only from the top frame of one of our own
// windows showing app://, and only with arguments that pass the channel's zod schema.
import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import { isAppUrl } from './app-url.ts';
import { IPC_CHANNELS, type IpcChannel } from '../common/ipc-channels.ts';

export function handleSync<S extends z.ZodType<unknown[]>>(
  channel: IpcChannel,
  args: S,
  isOurWindow: (contents: WebContents) => boolean,
  handler: (event: IpcMainEvent, args: z.output<S>) => unknown,
): void {
  if (!IPC_CHANNELS.has(channel)) throw new Error(`unknown IPC channel ${channel}`);
  ipcMain.on(channel, (event, ...raw: unknown[]) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url) || !isOurWindow(event.sender)) {
      console.warn(`[shell] IPC ${channel} refused from ${frame?.url ?? 'a destroyed frame'}`);
      event.returnValue = null;
      return;
    }
    const parsed = args.safeParse(raw);
    if (!parsed.success) {
      console.warn(`[shell] IPC ${channel} refused: bad arguments`);
      event.returnValue = null;
      return;
    }
    event.returnValue = handler(event, parsed.data) ?? null;
  });
}
