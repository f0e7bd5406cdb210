// Electron main: reads the config, runs the hall core (role hall) and opens the windows the planner asks for.
// Everything security- and crash-related lives in the small modules beside this file.
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { app, dialog, session } from 'electron';
import { z } from 'zod';
import type { HallReady } from '../common/bridge.ts';
import { lanAddresses } from '../common/lan-addresses.ts';
import { ConfigError, parseAppConfig, type AppConfig } from './app-config.ts';
import { hardenSession, registerAppScheme } from './app-session.ts';
import { contentSecurityPolicy } from './app-url.ts';
import { bridgeFor, seatForKind } from './hall-bridge.ts';
import { superviseHall } from './hall-process.ts';
import { handleSync } from './ipc.ts';
import { IPC } from '../common/ipc-channels.ts';
import { WindowManager } from './window-manager.ts';
import type { WindowPlan } from './window-planner.ts';

const HERE = import.meta.dirname;
const PATHS = {
  hall: join(HERE, 'hall.js'),
  // CommonJS in a "type": "module" package, hence .cjs (the sandboxed preload cannot be ESM).
  preload: join(HERE, '../preload/index.cjs'),
  renderer: join(HERE, '../renderer'),
};

// Current Electron picks the Wayland backend in a Wayland session, and Wayland does not let a client choose
// where its windows go, so the wall windows could not be put on their monitors. X11 (XWayland there) can.
if (process.platform === 'linux') app.commandLine.appendSwitch('ozone-platform', 'x11');
registerAppScheme();

const config = loadConfig();
if (config) {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => run(config));
}

/** A bad config is reported on stderr and in a dialog, and the app exits with code 2. */
function loadConfig(): AppConfig | null {
  try {
    return parseAppConfig(process.argv.slice(1), process.env);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    console.error(message);
    void app.whenReady().then(() => {
      dialog.showErrorBox('城运指挥大厅 — 配置错误', message);
      app.exit(2);
    });
    return null;
  }
}

function run(config: AppConfig): void {
  const hallAddress = config.role === 'hall' ? undefined : config.hall;
  hardenSession(session.defaultSession, PATHS.renderer, contentSecurityPolicy(hallAddress));

  let ready: HallReady | null = null;
  const bridge = (plan: WindowPlan) => {
    if (config.role !== 'hall') return bridgeFor(plan, config.hall, { id: config.seat, token: config.token });
    const seat = ready && seatForKind(ready, plan.kind);
    if (!ready || !seat) return null;
    return bridgeFor(plan, { host: '127.0.0.1', port: ready.port }, seat);
  };
  const windows = new WindowManager({
    role: config.role,
    wallDisplays: config.wallDisplays,
    preload: PATHS.preload,
    bridgeFor: bridge,
    onMainWindowClosed: () => app.quit(),
  });
  handleSync(IPC.getBridge, z.tuple([]), (c) => windows.isOurs(c), (event) => windows.bridgeOf(event.sender));
  app.on('before-quit', () => windows.stop());

  if (config.role !== 'hall') return windows.start();
  const hall = superviseHall({
    entry: PATHS.hall,
    settings: { ...config, dataDir: config.dataDir ?? join(app.getPath('userData'), 'hall') },
    onReady(next) {
      ready = next;
      const lan = lanAddresses(config.listen, next.port, networkInterfaces());
      console.log(`[shell] 联合坐席与大屏连接地址 / desks and walls connect to: ${lan.length ? lan.join(', ') : `http://127.0.0.1:${next.port} (no LAN interface)`}`);
      windows.start();
      windows.refreshBridges();
    },
    onGiveUp(why) {
      windows.start();
      windows.showError(`指挥大厅核心服务多次退出 / hall core keeps exiting: ${why}`);
    },
  });
  app.on('before-quit', () => hall.stop());
}
