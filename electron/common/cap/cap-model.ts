// The CAP 1.2 alert as plain data (OASIS CAP-v1.2, schema cap12.xsd), after parse-cap.ts has checked it.
// Times stay as written (ISO 8601 with their zone); polygons and circles are converted ONCE, at parsing, from
// CAP's "lat,lon" pairs to GeoJSON's [lon, lat] order that electron/common/geo uses.
import { z } from 'zod';

export const CAP12_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

export const Status = z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']);
export type Status = z.infer<typeof Status>;
export const MsgType = z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']);
export type MsgType = z.infer<typeof MsgType>;
export const Scope = z.enum(['Public', 'Restricted', 'Private']);
export type Scope = z.infer<typeof Scope>;
export const Category = z.enum(['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other']);
export type Category = z.infer<typeof Category>;
export const ResponseType = z.enum(['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None']);
export type ResponseType = z.infer<typeof ResponseType>;
export const CapUrgency = z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']);
export type CapUrgency = z.infer<typeof CapUrgency>;
export const Severity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']);
export type Severity = z.infer<typeof Severity>;
export const Certainty = z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']);
export type Certainty = z.infer<typeof Certainty>;

/** CAP's dateTime: the XSD pattern, a zone always present ("-00:00" allowed, "Z" not). */
export const CapDateTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/);

/** An earlier message this one refers to ("sender,identifier,sent" in <references>). */
export const CapReference = z.object({ sender: z.string(), identifier: z.string(), sent: CapDateTime });
export type CapReference = z.infer<typeof CapReference>;

export const ValuePair = z.object({ valueName: z.string(), value: z.string() });
export type ValuePair = z.infer<typeof ValuePair>;

const LonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const CapCircle = z.object({ center: LonLatSchema, radiusKm: z.number().nonnegative() });
export type CapCircle = z.infer<typeof CapCircle>;

export const CapArea = z.object({
  areaDesc: z.string(),
  /** Closed rings, [lon, lat] (converted from CAP's lat,lon), at least 4 positions each. */
  polygons: z.array(z.array(LonLatSchema).min(4)),
  circles: z.array(CapCircle),
  geocodes: z.array(ValuePair),
  altitude: z.number().optional(),
  ceiling: z.number().optional(),
});
export type CapArea = z.infer<typeof CapArea>;

export const CapResource = z.object({
  resourceDesc: z.string(),
  mimeType: z.string(),
  size: z.number().int().optional(),
  uri: z.string().optional(),
  derefUri: z.string().optional(),
  digest: z.string().optional(),
});
export type CapResource = z.infer<typeof CapResource>;

export const CapInfo = z.object({
  /** As written; CAP's default is en-US when absent. */
  language: z.string(),
  categories: z.array(Category).min(1),
  event: z.string(),
  responseTypes: z.array(ResponseType),
  urgency: CapUrgency,
  severity: Severity,
  certainty: Certainty,
  audience: z.string().optional(),
  eventCodes: z.array(ValuePair),
  effective: CapDateTime.optional(),
  onset: CapDateTime.optional(),
  expires: CapDateTime.optional(),
  senderName: z.string().optional(),
  headline: z.string().optional(),
  description: z.string().optional(),
  instruction: z.string().optional(),
  web: z.string().optional(),
  contact: z.string().optional(),
  parameters: z.array(ValuePair),
  resources: z.array(CapResource),
  areas: z.array(CapArea),
});
export type CapInfo = z.infer<typeof CapInfo>;

export const CapAlert = z.object({
  identifier: z.string().min(1),
  sender: z.string().min(1),
  sent: CapDateTime,
  status: Status,
  msgType: MsgType,
  source: z.string().optional(),
  scope: Scope,
  restriction: z.string().optional(),
  addresses: z.string().optional(),
  codes: z.array(z.string()),
  note: z.string().optional(),
  /** Parsed from <references>; never empty for Update and Cancel. */
  references: z.array(CapReference),
  incidents: z.string().optional(),
  infos: z.array(CapInfo),
  /** An XML signature (ds:Signature) is present. It is NOT verified here. */
  signed: z.boolean(),
});
export type CapAlert = z.infer<typeof CapAlert>;

/** Epoch milliseconds of a CAP dateTime (already checked by the parser, so it always parses). */
export function capTimeMs(dateTime: string): number {
  return Date.parse(dateTime);
}
