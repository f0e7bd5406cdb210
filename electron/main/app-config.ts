// The shell's configuration from the command line and the environment (CLI wins). Pure, so bad inputs are
// unit-tested; every error names the flag or variable it came from. Unknown flags are ignored because Chromium,
// Electron and Playwright add their own switches to argv.
import { resolve } from 'node:path';
import { z } from 'zod';
import { Hello } from '../common/protocol.ts';
import type { ShellRole, WallDisplays } from './window-planner.ts';

export interface HallAddress {
  host: string;
  port: number;
}

/** The hall role's own settings, passed on to the hall core it runs (hallCoreArgs). */
export interface HallRoleSettings {
  port?: number;
  dataDir?: string;
  /** Address the hall core listens on: every interface by default, so desks and walls on the LAN reach it. */
  listen: string;
  site?: string;
  demo?: 'on' | 'off';
}

export type AppConfig =
  | ({ role: 'hall'; wallDisplays: WallDisplays } & HallRoleSettings)
  | { role: 'desk' | 'wall'; hall: HallAddress; seat: string; token: string; wallDisplays: WallDisplays };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = (min: number) =>
  z
    .string()
    .regex(/^\d{1,5}$/, `expected a port number ${min}–65535`)
    .transform(Number)
    .pipe(z.number().min(min, `expected a port number ${min}–65535`).max(65535, `expected a port number ${min}–65535`));

const hallAddress = z.string().transform((raw, ctx): HallAddress => {
  const example = 'expected host:port, e.g. 192.168.1.10:8080';
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    ctx.addIssue({ code: 'custom', message: example });
    return z.NEVER;
  }
  if (!['http:', 'ws:'].includes(url.protocol) || !url.hostname || !url.port || (url.pathname !== '/' && url.pathname !== '')) {
    ctx.addIssue({ code: 'custom', message: example });
    return z.NEVER;
  }
  return { host: url.hostname, port: Number(url.port) };
});

const wallDisplays = z.string().transform((raw, ctx): WallDisplays => {
  if (raw === 'auto') return 'auto';
  const ids = raw.split(',').map((s) => s.trim());
  if (ids.some((s) => !/^\d+$/.test(s))) {
    ctx.addIssue({ code: 'custom', message: 'expected "auto" or comma-separated display ids, e.g. 2779098405,2779098406' });
    return z.NEVER;
  }
  return ids.map(Number);
});

/** Each setting: its CLI flag, its environment variable and how its text is parsed. */
const FIELDS = {
  role: { flag: '--role', env: 'HALL_ROLE', schema: z.enum(['hall', 'desk', 'wall'], { error: 'expected hall, desk or wall' }) },
  hall: { flag: '--hall-address', env: 'HALL_ADDRESS', schema: hallAddress },
  seat: { flag: '--seat', env: 'HALL_SEAT', schema: Hello.shape.seatId },
  token: { flag: '--token', env: 'HALL_TOKEN', schema: Hello.shape.token },
  port: { flag: '--port', env: 'HALL_PORT', schema: port(0) },
  dataDir: { flag: '--data-dir', env: 'HALL_DATA_DIR', schema: z.string().min(1, 'expected a directory').transform((d) => resolve(d)) },
  wallDisplays: { flag: '--wall-displays', env: 'HALL_WALL_DISPLAYS', schema: wallDisplays },
  listen: { flag: '--host', env: 'HALL_HOST', schema: z.string().regex(/^[\w.:-]+$/, 'expected a host name or address, e.g. 0.0.0.0 or 192.168.1.10') },
  site: { flag: '--site', env: 'HALL_SITE', schema: z.string().min(1, 'expected a file').transform((f) => resolve(f)) },
  demo: { flag: '--demo', env: 'HALL_DEMO', schema: z.enum(['on', 'off'], { error: 'expected on or off' }) },
} as const;
type Field = keyof typeof FIELDS;
type Parsed = { [K in Field]?: z.output<(typeof FIELDS)[K]['schema']> };

export function parseAppConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): AppConfig {
  const errors: string[] = [];
  const cli = readFlags(argv, errors);
  const parsed: Parsed = {};
  const sourceOf = (field: Field) => (cli.has(field) ? FIELDS[field].flag : FIELDS[field].env);

  for (const field of Object.keys(FIELDS) as Field[]) {
    const raw = cli.get(field) ?? env[FIELDS[field].env];
    if (raw === undefined || raw === '') continue;
    const result = FIELDS[field].schema.safeParse(raw);
    if (result.success) (parsed as Record<Field, unknown>)[field] = result.data;
    else errors.push(`${sourceOf(field)} ${JSON.stringify(raw)}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  }

  const role: ShellRole = parsed.role ?? 'hall';
  if (role !== 'hall' && errors.length === 0) {
    for (const field of ['hall', 'seat', 'token'] as const) {
      if (parsed[field] === undefined) errors.push(`${FIELDS[field].flag} (or ${FIELDS[field].env}) is required for role ${role}`);
    }
  }
  if (errors.length > 0) throw new ConfigError(`配置错误 / bad configuration:\n  ${errors.join('\n  ')}`);

  const walls = parsed.wallDisplays ?? 'auto';
  if (role === 'hall') {
    const { port, dataDir, site, demo } = parsed;
    return { role, port, dataDir, listen: parsed.listen ?? '0.0.0.0', site, demo, wallDisplays: walls };
  }
  return { role, hall: parsed.hall!, seat: parsed.seat!, token: parsed.token!, wallDisplays: walls };
}

/** `--flag value` and `--flag=value`; a known flag without a value is an error. */
function readFlags(argv: readonly string[], errors: string[]): Map<Field, string> {
  const byFlag = new Map<string, Field>(Object.entries(FIELDS).map(([field, f]) => [f.flag, field as Field]));
  const values = new Map<Field, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const field = byFlag.get(flag);
    if (!field) continue;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      errors.push(`${flag} needs a value`);
      continue;
    }
    if (eq < 0) i++;
    values.set(field, value);
  }
  return values;
}

/** The hall core's command line for the hall role's settings (the same flags `npm run hall` takes). */
export function hallCoreArgs(settings: HallRoleSettings & { dataDir: string }): string[] {
  const flag = (name: string, value: string | number | undefined) => (value === undefined ? [] : [`--${name}`, String(value)]);
  return [
    ...flag('data-dir', settings.dataDir), ...flag('port', settings.port), ...flag('host', settings.listen),
    ...flag('site', settings.site), ...flag('demo', settings.demo),
  ];
}
