// District simulator configuration from CLI flags and environment (as the hall's config.ts: flags win over the
// environment; every value is validated and a bad one is reported by name before anything is opened).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The repository root (electron/district is two levels down). */
export const APP_ROOT = resolve(import.meta.dirname, '../..');
const RESOURCES = join(APP_ROOT, 'resources');

const token = z.string().regex(/^[\w.~+/=-]{8,200}$/, 'a token is 8-200 letters, digits or _ . ~ + / = -');

export const DistrictConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8630),
  host: z.string().regex(/^[\w.:-]+$/, 'not a host name or address').default('127.0.0.1'),
  dataDir: z.string().min(1).default(join(homedir(), '.local/share/city-ops-district')),
  /** The site whose categories and urgency grades tickets use (common/site/site-config.ts). */
  site: z.string().min(1).default(join(RESOURCES, 'demo-street/site.json')),
  /** The gazetteer tickets' addresses are made from (common/address/gazetteer-schema.ts). */
  addresses: z.string().min(1).default(join(RESOURCES, 'demo-street/addresses.json')),
  /** The load profile that shapes ticket timing (load-profile.ts). */
  profile: z.string().min(1).default(join(RESOURCES, 'demo-street/load-profile.json')),
  /** JSON file of the halls served, [{ "id": …, "token": … }]. */
  halls: z.string().min(1).optional(),
  /** Enrolment token: a hall not yet known that says hello with it is enrolled (the embedded default's way). */
  token: token.optional(),
  adminToken: token.optional(),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).optional(),
  /** Tickets per hall on an average ordinary day (0: none but those asked for through the admin interface). */
  ticketRate: z.coerce.number().min(0).max(100_000).default(240),
  /** Start in a storm, or end one that was on when the simulator stopped; absent: as it was. */
  storm: z.enum(['on', 'off']).optional(),
  ticketPrefix: z.string().regex(/^[A-Z]{1,6}$/, '1-6 capital latin letters').default('SJ'),
  /** Days acknowledged messages and finished tickets are kept. */
  retainDays: z.coerce.number().int().min(1).max(3650).default(30),
});
export type DistrictConfig = z.infer<typeof DistrictConfig>;

const FLAGS = {
  port: { env: 'DISTRICT_PORT', help: 'TCP port for the upstream protocol and the admin interface (0 = any free port)' },
  host: { env: 'DISTRICT_HOST', help: 'address to listen on' },
  'data-dir': { env: 'DISTRICT_DATA_DIR', help: 'folder of the district database and its credentials' },
  site: { env: 'DISTRICT_SITE', help: 'site configuration (ticket categories and urgency grades); default: the demo street' },
  addresses: { env: 'DISTRICT_ADDRESSES', help: 'address gazetteer tickets are made from; default: the demo street' },
  profile: { env: 'DISTRICT_PROFILE', help: 'load profile shaping ticket timing; default: the demo street' },
  halls: { env: 'DISTRICT_HALLS', help: 'JSON file of the halls served: [{"id": "...", "token": "..."}]' },
  token: { env: 'DISTRICT_TOKEN', help: 'enrolment token: unknown halls saying hello with it are enrolled' },
  'admin-token': { env: 'DISTRICT_ADMIN_TOKEN', help: 'token of the admin interface (default: minted, kept in the data folder)' },
  seed: { env: 'DISTRICT_SEED', help: 'seed of the ticket generator (default: random)' },
  'ticket-rate': { env: 'DISTRICT_TICKET_RATE', help: 'tickets per hall on an average ordinary day, 0 = only on request' },
  storm: { env: 'DISTRICT_STORM', help: 'on|off: a storm (weather tickets, CAP warnings, gauge readings); default: as when last stopped' },
  'ticket-prefix': { env: 'DISTRICT_TICKET_PREFIX', help: 'letters the district ticket numbers start with' },
  'retain-days': { env: 'DISTRICT_RETAIN_DAYS', help: 'days acknowledged messages and finished tickets are kept' },
} as const;
type Flag = keyof typeof FLAGS;

const camel = (flag: string) => flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export class ConfigError extends Error {}

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, { env, help }]) => `  --${flag.padEnd(14)} ${env.padEnd(24)} ${help}`);
  return ['usage: district [options]', ...lines, '  --help'].join('\n');
}

/** Parses argv (without node and script) and env; throws ConfigError naming the bad flag or variable. */
export function parseDistrictConfig(argv: string[], env: NodeJS.ProcessEnv): DistrictConfig | 'help' {
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
  const parsed = DistrictConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    // Tokens are secrets: the message names the flag, not the value.
    const shown = /token/i.test(key) ? '' : ` ${JSON.stringify(raw[key])}`;
    throw new ConfigError(`${sourceOf[key] ?? key}${shown}: ${issue.message}`);
  }
  return parsed.data;
}
