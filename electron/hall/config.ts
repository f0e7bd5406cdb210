// Hall core configuration from CLI flags and environment. Flags win over environment; every value is
// validated and a bad one is reported by name, before anything is opened.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The repository root in development and the app root when bundled (out/main/hall.js is two levels down too). */
export const APP_ROOT = resolve(import.meta.dirname, '../..');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const HallConfig = z.object({
  port: port.default(8620),
  host: z.string().regex(/^[\w.:-]+$/, 'not a host name or address').default('127.0.0.1'),
  dataDir: z.string().min(1).default(join(homedir(), '.local/share/city-ops-hall')),
  staticDir: z.string().min(1).default(join(APP_ROOT, 'out/renderer')),
  resourcesDir: z.string().min(1).default(join(APP_ROOT, 'resources')),
  /** Seconds between cases of the built-in demo feed (S-1.4); 0 turns it off. */
  demoFeed: z.coerce.number().min(0).max(3600).default(20),
  /** A LAN client whose unsent backlog exceeds this is dropped (it resumes on reconnect). */
  slowClientBytes: positiveInt.default(4 * 1024 * 1024),
  /** Resume requests further behind than this get a snapshot instead of the tail. */
  maxTail: positiveInt.default(10_000),
  /** JSON file of camera stream URLs by camera id (cameras/camera-streams.ts). */
  cameras: z.string().min(1).optional(),
  /** The site configuration (common/site/site-config.ts); absent: the demo street's. */
  site: z.string().min(1).optional(),
  /** Days of demo history seeded at a demo hall's first start (demo/seed-history.ts); 0: none; absent: its default. */
  demoHistory: z.coerce.number().int().min(0).max(90).optional(),
  /** Demo data (the demo feed's cases, 30 days of seeded history): on by default only for the embedded default. */
  demo: z.enum(['on', 'off']).optional(),
  /** The district platform's upstream address (ws:// or http://host:port); absent: no district link (S-7). */
  district: z.url({ protocol: /^(ws|wss|http|https)$/, error: 'not a ws:// or http:// address' }).optional(),
  /** This hall's token at the district. */
  districtToken: z.string().min(8, 'at least 8 characters').max(200).optional(),
}).refine((c) => !c.district || c.districtToken, { message: 'a district link needs its token', path: ['districtToken'] }).transform(({ demo, ...rest }) => ({ ...rest, demo: (demo ?? (rest.site ? 'off' : 'on')) === 'on' }));
export type HallConfig = z.infer<typeof HallConfig>;

const FLAGS = {
  port: { env: 'HALL_PORT', help: 'TCP port for HTTP and the LAN hub (0 = any free port)' },
  host: { env: 'HALL_HOST', help: 'address to listen on (0.0.0.0 to serve desks and walls on the LAN)' },
  'data-dir': { env: 'HALL_DATA_DIR', help: 'folder of the hall database and seat credentials' },
  'static-dir': { env: 'HALL_STATIC_DIR', help: 'built renderer to serve' },
  'resources-dir': { env: 'HALL_RESOURCES_DIR', help: 'bundled resources (demo street)' },
  'demo-feed': { env: 'HALL_DEMO_FEED', help: 'seconds between demo feed cases, 0 = off' },
  'demo-history': { env: 'HALL_DEMO_HISTORY', help: 'days of demo history seeded at a demo hall\'s first start (default 30), 0 = none' },
  'slow-client-bytes': { env: 'HALL_SLOW_CLIENT_BYTES', help: 'backlog at which a LAN client is dropped' },
  'max-tail': { env: 'HALL_MAX_TAIL', help: 'longest event tail replayed on resume' },
  cameras: { env: 'HALL_CAMERAS', help: 'JSON file of camera stream URLs by camera id' },
  site: { env: 'HALL_SITE', help: 'site configuration (departments, urgency grades, categories); default: the demo street' },
  district: { env: 'HALL_DISTRICT', help: 'the district platform (ws://host:port): upstream link, S-7' },
  'district-token': { env: 'HALL_DISTRICT_TOKEN', help: 'this hall\'s token at the district' },
  demo: { env: 'HALL_DEMO', help: 'on|off: demo feed and seeded history (default on without --site, off with it)' },
} as const;
type Flag = keyof typeof FLAGS;

const camel = (flag: string) => flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export class ConfigError extends Error {}

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, { env, help }]) => `  --${flag.padEnd(18)} ${env.padEnd(24)} ${help}`);
  return ['usage: hall [options]', ...lines, '  --help'].join('\n');
}

/** Parses argv (without node and script) and env; throws ConfigError naming the bad flag or variable. */
export function parseHallConfig(argv: string[], env: NodeJS.ProcessEnv): HallConfig | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' as const }]));
    values = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n${usage()}`);
  }
  if (values.help) return 'help';
  const raw: Record<string, string> = {};
  const sourceOf: Record<string, string> = {};
  for (const [flag, { env: name }] of Object.entries(FLAGS) as Array<[Flag, { env: string }]>) {
    const fromFlag = values[flag];
    const value = typeof fromFlag === 'string' ? fromFlag : env[name];
    if (value === undefined || value === '') continue;
    raw[camel(flag)] = value;
    sourceOf[camel(flag)] = typeof fromFlag === 'string' ? `--${flag}` : name;
  }
  const parsed = HallConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    throw new ConfigError(`${sourceOf[key] ?? key} ${JSON.stringify(raw[key])}: ${issue.message}`);
  }
  return parsed.data;
}
