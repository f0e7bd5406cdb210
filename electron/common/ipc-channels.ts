// Every IPC channel between the preload and the main process. The main process listens on these and nothing
// else; the validated wrapper refuses to register any other name.
export const IPC = {
  /** Synchronous: the preload asks for its window's HallBridge before the page's scripts run. */
  getBridge: 'hall:get-bridge',
} as const;
export type IpcChannel = (typeof IPC)[keyof typeof IPC];
export const IPC_CHANNELS: ReadonlySet<string> = new Set(Object.values(IPC));
