// Entry of the hall core: `node electron/hall/hall.ts [options]` (Node 24), `npm run hall`, or bundled as
// out/main/hall.js inside Electron's utilityProcess. Prints where consoles, desks and walls connect.
import { networkInterfaces } from 'node:os';
import { HALL_READY_PREFIX, type HallReady } from '../common/bridge.ts';
import { lanAddresses } from '../common/lan-addresses.ts';
import { ConfigError, parseHallConfig, usage } from './config.ts';
import { startHallCore } from './hall-core.ts';

const log = (line: string) => console.error(`[hall] ${line}`);

async function main(): Promise<void> {
  let config;
  try {
    config = parseHallConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`hall: ${error.message}`);
    process.exit(2);
  }
  if (config === 'help') {
    console.log(usage());
    return;
  }
  let hall;
  try {
    hall = await startHallCore(config, log);
  } catch (error) {
    // A configured file that does not hold up (camera streams) is the operator's to fix, like a bad flag.
    if (!(error instanceof ConfigError)) throw error;
    console.error(`hall: ${error.message}`);
    process.exit(2);
  }
  printWelcome(hall.ready, config.host);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await hall.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function printWelcome(ready: HallReady, host: string): void {
  const base = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${ready.port}`;
  const lines = ready.seats.map((s) => {
    const query = `${s.role === 'wall' ? 'monitor=0&' : ''}seat=${s.id}&token=${s.token}`;
    return `  ${s.label.padEnd(10, '　')} ${base}/${s.role}?${query}`;
  });
  const lan = lanAddresses(host, ready.port, networkInterfaces());
  console.log([
    `城运指挥大厅 hall core ${ready.hallId} listening on ${base}  (data: ${ready.dataDir})`, ...lines,
    `联合坐席与大屏连接地址 / desks and walls on the LAN connect to: ${lan.length ? lan.join(', ') : `none (listening on ${host} only; --host 0.0.0.0 serves the LAN)`}`,
  ].join('\n'));
  console.log(HALL_READY_PREFIX + JSON.stringify(ready));
  // Inside Electron's utilityProcess the parent hears it directly.
  (process as { parentPort?: { postMessage(m: unknown): void } }).parentPort?.postMessage({ type: 'hall-ready', ready });
}

main().catch((error: unknown) => {
  log(`fatal: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
