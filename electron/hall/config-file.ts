// Reading a site's own files (camera streams, the site configuration): JSON checked against a schema, every
// problem a ConfigError that names the file and the field, so the start stops like for a bad flag.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from './config.ts';

export function readConfigFile<T>(file: string, what: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${what} ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${what} ${file}: not JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${what} ${file}: ${issue.path.length ? `"${issue.path.join('.')}": ` : ''}${issue.message}`);
  }
  return parsed.data;
}
