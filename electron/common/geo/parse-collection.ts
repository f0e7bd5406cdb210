// Turns zod issues on a GeoJSON FeatureCollection (or any { <list>: [...] } object) into one error whose
// lines name the feature by id and index, e.g. `feature M017 (#42) properties.level: Invalid option…`.
import type { z } from 'zod';

/** Parses `data` with `schema`; throws an Error headed by `what`, one line per problem. */
export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (typeof head !== 'string' || typeof index !== 'number') return `${issue.path.map(String).join('.') || 'collection'}: ${issue.message}`;
    return `${itemLabel(data, head, index)} ${rest.map(String).join('.') || '(item)'}: ${issue.message}`;
  });
  throw new Error(`invalid ${what}:\n  ${lines.join('\n  ')}`);
}

/** "feature <id> (#index)" when the raw item has a usable id (in properties or at the top), else "feature #index". */
function itemLabel(data: unknown, list: string, index: number): string {
  const noun = list === 'features' ? 'feature' : list;
  const items = (data as Record<string, unknown> | null)?.[list];
  const item = Array.isArray(items) ? (items[index] as { id?: unknown; properties?: { id?: unknown } } | null) : null;
  const id = item?.properties?.id ?? item?.id;
  return typeof id === 'string' && id !== '' ? `${noun} ${id} (#${index})` : `${noun} #${index}`;
}
