// Validates the fields of an Open311 POST Service Request and turns them into a case draft. Every problem is
// reported, each naming its field, in the GeoReport v2 error shape [{code, description}]; an unknown
// service_code is a 404 as the spec has it.
import { CaseDraft } from '../../common/domain/case-model.ts';
import { describeIssues } from '../../common/protocol.ts';
import type { ServiceCatalogue } from './service-catalogue.ts';

export interface Open311Error { code: number; description: string }

export type PostOutcome =
  | { ok: true; draft: CaseDraft; accountId: string | null }
  | { ok: false; status: number; errors: Open311Error[] };

const LIMITS: Readonly<Record<string, number>> = {
  service_code: 64, address_string: 200, address_id: 64, description: 4000, media_url: 500, account_id: 64, email: 200,
  device_id: 200, first_name: 100, last_name: 100, phone: 40, jurisdiction_id: 200,
};
const NUMBER = /^-?\d{1,3}(\.\d+)?$/;
const TITLE_LENGTH = 40;

/** `fields` holds the form (or JSON) values as text; an empty value counts as not given (GeoReport v2). */
export function parsePostFields(fields: Readonly<Record<string, string>>, catalogue: ServiceCatalogue): PostOutcome {
  const get = (name: string) => (fields[name]?.trim() ? fields[name].trim() : undefined);
  const errors: Open311Error[] = [];
  const bad = (description: string) => errors.push({ code: 400, description });

  for (const [name, max] of Object.entries(LIMITS)) {
    if ((get(name)?.length ?? 0) > max) bad(`${name}: longer than ${max} characters`);
  }
  const code = get('service_code');
  const category = code === undefined ? undefined : catalogue.categoryOf(code);
  if (code === undefined) bad('service_code: required (see services.json)');

  const coordinate = (name: 'lat' | 'long', limit: number): number | undefined => {
    const text = get(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!NUMBER.test(text) || Math.abs(value) > limit) bad(`${name}: ${JSON.stringify(text)} is not a WGS84 ${name === 'lat' ? 'latitude (-90…90)' : 'longitude (-180…180)'}`);
    return value;
  };
  const lat = coordinate('lat', 90);
  const long = coordinate('long', 180);
  if ((lat === undefined) !== (long === undefined)) bad(`${lat === undefined ? 'lat' : 'long'}: required together with ${lat === undefined ? 'long' : 'lat'}`);
  const address = get('address_string');
  const addressId = get('address_id');
  if (lat === undefined && long === undefined && address === undefined && addressId === undefined) {
    bad('location: one of lat & long, address_string or address_id is required');
  }
  const media = get('media_url');
  if (media !== undefined && !/^https?:\/\/\S+$/.test(media)) bad(`media_url: ${JSON.stringify(media)} is not an http(s) URL`);

  if (errors.length) return { ok: false, status: 400, errors };
  if (category === undefined) return { ok: false, status: 404, errors: [{ code: 404, description: `service_code: ${JSON.stringify(code)} not found (see services.json)` }] };

  const description = get('description') ?? '';
  const draft = CaseDraft.safeParse({
    title: description ? description.split('\n')[0]!.slice(0, TITLE_LENGTH) : `${category}（市民上报）`,
    description: media ? `${description}\n媒体: ${media}`.trim() : description,
    source: 'qr',
    urgency: catalogue.urgencyOf(category),
    category,
    address: address ?? (addressId ? `地址编号 ${addressId}` : ''),
    ...(lat !== undefined && long !== undefined ? { location: { lat, lon: long } } : {}),
  });
  // The case's own limits (e.g. description plus media_url over 4000 characters).
  if (!draft.success) return { ok: false, status: 400, errors: [{ code: 400, description: describeIssues(draft.error) }] };
  return { ok: true, draft: draft.data, accountId: get('account_id') ?? null };
}
