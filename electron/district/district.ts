// Entry of the district simulator (S-7.6): `node electron/district/district.ts [options]`, `npm run district`.
// Speaks the upstream protocol at ws://<host>:<port>/upstream and serves its admin interface on the same port;
// prints DISTRICT_READY {…} once it listens and stops cleanly on SIGTERM.
import { DISTRICT_READY_PREFIX } from '../common/bridge.ts';
import { ConfigError, parseDistrictConfig, usage } from './config.ts';
import { startDistrict } from './district-core.ts';

const log = (line: string) => console.error(`[district] ${line}`);

async function main(): Promise<void> {
  let district;
  try {
    const config = parseDistrictConfig(process.argv.slice(2), process.env);
    if (config === 'help') {
      console.log(usage());
      return;
    }
    district = await startDistrict(config, log);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`district: ${error.message}`);
    process.exit(2);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await district.stop();
    process.exit(0);
  };
  // Before the ready line: whoever reads it may send SIGTERM at once.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const { ready } = district;
  console.log(`区平台模拟器 district simulator ${ready.districtId}: ws://127.0.0.1:${ready.port}/upstream, admin http://127.0.0.1:${ready.port}/admin/status  (data: ${ready.dataDir})`);
  console.log(DISTRICT_READY_PREFIX + JSON.stringify(ready));
}

main().catch((error: unknown) => {
  log(`fatal: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
