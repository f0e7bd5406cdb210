// What the hall keeps of a CAP alert: who sent it, what it updates or cancels, the hazard and level, the areas.
// Read from the zh-CN <info> when there is one (the Chinese profile), else the alert's first <info>.
import { z } from 'zod';
import { CapCircle, CapDateTime, CapReference, Certainty, CapUrgency, MsgType, Scope, Severity, Status, ValuePair, type CapAlert, type CapArea } from './cap-model.ts';
import { Hazard, HazardSource, LevelSource, WarningLevel, CnIdentifier, adminCodesOf, parseCnIdentifier, pickInfo, readHazard } from './cn-profile.ts';

export const WarningArea = z.object({
  description: z.string(),
  /** Closed rings in [lon, lat]. */
  polygons: z.array(z.array(z.tuple([z.number(), z.number()]))),
  circles: z.array(CapCircle),
  geocodes: z.array(ValuePair),
  /** The CPEAS administrative codes among the geocodes, as 12 digits. */
  adminCodes: z.array(z.string().regex(/^\d{12}$/)),
});
export type WarningArea = z.infer<typeof WarningArea>;

export const WarningSummary = z.object({
  identifier: z.string(),
  sender: z.string(),
  sent: CapDateTime,
  status: Status,
  msgType: MsgType,
  scope: Scope,
  /** The earlier warnings this one updates or cancels. */
  references: z.array(CapReference),
  /** The parts of a GB/T 35965.1 identifier, null for other identifiers. */
  cnIdentifier: CnIdentifier.nullable(),
  /** The alert follows the Chinese profile: GB/T 35965.1 identifier, CPEAS geocodes or a Chinese <info>. */
  chineseProfile: z.boolean(),
  /** Language of the <info> read, null when the alert has none (a bare Cancel, Ack or Error). */
  language: z.string().nullable(),
  event: z.string().nullable(),
  headline: z.string().nullable(),
  senderName: z.string().nullable(),
  description: z.string().nullable(),
  instruction: z.string().nullable(),
  hazard: Hazard.nullable(),
  hazardFrom: HazardSource.nullable(),
  level: WarningLevel.nullable(),
  levelFrom: LevelSource.nullable(),
  severity: Severity.nullable(),
  urgency: CapUrgency.nullable(),
  certainty: Certainty.nullable(),
  effective: CapDateTime.nullable(),
  onset: CapDateTime.nullable(),
  expires: CapDateTime.nullable(),
  areas: z.array(WarningArea),
});
export type WarningSummary = z.infer<typeof WarningSummary>;

export function summarizeWarning(alert: CapAlert): WarningSummary {
  const info = pickInfo(alert.infos);
  const areas = (info?.areas ?? []).map(areaOf);
  const cnIdentifier = parseCnIdentifier(alert.identifier);
  const chineseProfile = cnIdentifier !== null || areas.some((a) => a.adminCodes.length > 0) || /^zh(-|$)/i.test(info?.language ?? '');
  const reading = info ? readHazard(info, chineseProfile) : { hazard: null, hazardFrom: null, level: null, levelFrom: null };
  return {
    identifier: alert.identifier,
    sender: alert.sender,
    sent: alert.sent,
    status: alert.status,
    msgType: alert.msgType,
    scope: alert.scope,
    references: alert.references,
    cnIdentifier,
    chineseProfile,
    language: info?.language ?? null,
    event: info?.event ?? null,
    headline: info?.headline ?? null,
    senderName: info?.senderName ?? null,
    description: info?.description ?? null,
    instruction: info?.instruction ?? null,
    ...reading,
    severity: info?.severity ?? null,
    urgency: info?.urgency ?? null,
    certainty: info?.certainty ?? null,
    effective: info?.effective ?? null,
    onset: info?.onset ?? null,
    expires: info?.expires ?? null,
    areas,
  };
}

function areaOf(area: CapArea): WarningArea {
  return {
    description: area.areaDesc,
    polygons: area.polygons,
    circles: area.circles,
    geocodes: area.geocodes,
    adminCodes: adminCodesOf(area.geocodes),
  };
}
