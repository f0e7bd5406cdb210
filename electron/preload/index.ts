// The only thing a page gets from Electron: a frozen `window.hallBridge`. Built to CommonJS and run sandboxed.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from '../common/ipc-channels.ts';
import { toHallBridge } from './bridge-guard.ts';

const bridge = toHallBridge(ipcRenderer.sendSync(IPC.getBridge));
if (bridge) contextBridge.exposeInMainWorld('hallBridge', Object.freeze(bridge));
else console.error('hallBridge: the main process sent no valid bridge; the page falls back to its URL');
