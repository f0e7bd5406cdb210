// Runs the hall core (out/main/hall.js) in an Electron utility process and keeps it running: it reports
// readiness by message, and an unexpected exit restarts it under the restart policy.
import { utilityProcess, type UtilityProcess } from 'electron';
import { z } from 'zod';
import type { HallReady } from '../common/bridge.ts';
import { Role } from '../common/protocol.ts';
import { hallCoreArgs, type HallRoleSettings } from './app-config.ts';
import { RestartSupervisor } from './crash-supervisor.ts';

const HallReadyMessage = z.object({
  type: z.literal('hall-ready'),
  ready: z.object({
    port: z.number().int().min(1).max(65535),
    hallId: z.string().min(1),
    dataDir: z.string(),
    seats: z.array(z.object({ id: z.string(), role: Role, department: z.string(), label: z.string(), token: z.string() })),
  }),
});

export interface HallProcessOptions {
  entry: string;
  settings: HallRoleSettings & { dataDir: string };
  /** Called after every (re)start once the hall core listens. */
  onReady(ready: HallReady): void;
  onGiveUp(why: string): void;
}

export function superviseHall(opts: HallProcessOptions): { stop(): void } {
  const supervisor = new RestartSupervisor('hall core');
  let child: UtilityProcess | null = null;
  let stopping = false;
  // After the first start the port is pinned, so desks and walls on the LAN find a restarted hall again.
  let port = opts.settings.port;

  const start = () => {
    const args = hallCoreArgs({ ...opts.settings, port });
    const proc = utilityProcess.fork(opts.entry, args, { serviceName: 'City Ops Hall Core', stdio: 'inherit' });
    child = proc;
    proc.on('message', (message: unknown) => {
      const parsed = HallReadyMessage.safeParse(message);
      if (!parsed.success) return;
      port = parsed.data.ready.port;
      opts.onReady(parsed.data.ready);
    });
    proc.once('exit', (code) => {
      child = null;
      if (stopping) return;
      console.error(`[shell] hall core exited with code ${code}`);
      // Even exit code 0 is unexpected while the shell runs, so it is restarted too.
      supervisor.handle(code === 0 ? 'abnormal-exit' : 'crashed', (d) => (d.action === 'give-up' ? opts.onGiveUp(d.why) : start()));
    });
  };

  start();
  return {
    stop() {
      stopping = true;
      supervisor.cancel();
      child?.kill();
    },
  };
}
