// The files the simulator runs with (the site, the gazetteer, the load profile, the halls served) and its own
// credentials in the data folder. Each file is JSON checked against its schema; a problem stops the start with a
// ConfigError that names the file and the field, like a bad flag.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GazetteerData } from '../common/address/gazetteer-schema.ts';
import { Id } from '../common/domain/case-model.ts';
import { SiteConfig } from '../common/site/site-config.ts';
import { ConfigError, type DistrictConfig } from './config.ts';
import { TicketLoadProfile } from './load-profile.ts';

export const HallsFile = z.array(z.strictObject({ id: Id, token: z.string().min(8).max(200) })).min(1).max(1000)
  .superRefine((halls, ctx) => halls.forEach((h, i) => {
    if (halls.findIndex((o) => o.id === h.id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `hall ${h.id} appears twice` });
  }));

export function readJsonFile<T>(file: string, what: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${what} ${file}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${what} ${file}: ${issue.path.length ? `"${issue.path.join('.')}": ` : ''}${issue.message}`);
  }
  return parsed.data;
}

export function loadResources(config: DistrictConfig) {
  return {
    site: readJsonFile(config.site, 'site', SiteConfig),
    gazetteer: readJsonFile(config.addresses, 'addresses', GazetteerData),
    profile: readJsonFile(config.profile, 'load profile', TicketLoadProfile),
    halls: config.halls ? readJsonFile(config.halls, 'halls', HallsFile) : [],
  };
}

const Credentials = z.object({ adminToken: z.string().min(8), enrolToken: z.string().min(8).nullable() });
type Credentials = z.infer<typeof Credentials>;

/** A new token. Base64url may begin with '-', and such a token handed on a command line (`--district-token -x…`)
 *  is taken for an option: one in 64 halls would not start. Each token begins with a letter. */
export const mintToken = (): string => `t${randomBytes(18).toString('base64url')}`;

/**
 * The admin token and the enrolment token: given by flags, else kept in credentials.json (mode 600) from the
 * first start. An enrolment token is minted only when no halls file names the halls.
 */
export function districtCredentials(config: DistrictConfig): Credentials {
  const file = join(config.dataDir, 'credentials.json');
  const kept = existsSync(file) ? readJsonFile(file, 'credentials', Credentials) : null;
  const credentials = {
    adminToken: config.adminToken ?? kept?.adminToken ?? mintToken(),
    enrolToken: config.token ?? (config.halls ? null : kept?.enrolToken ?? mintToken()),
  };
  if (!kept || kept.adminToken !== credentials.adminToken || kept.enrolToken !== credentials.enrolToken) {
    writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  }
  return credentials;
}
