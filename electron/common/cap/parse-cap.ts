// CAP 1.2 ingest: bytes → a checked CapAlert, or a refusal that says what is wrong and where. The checks are
// those of the OASIS schema (cap12.xsd: element order and occurrence, enumerations, dateTime, integer, decimal,
// language, `any` from xmldsig only at the end of <alert>) plus the rules the CAP 1.2 text adds and an XSD cannot
// say: identifiers without spaces or commas, <references> as "sender,identifier,sent" triples and required for
// Update and Cancel, <restriction> for Restricted scope, <addresses> for Private, polygons of at least four
// closed lat,lon pairs, circles as "lat,lon radius".
import {
  CAP12_NS, Category, Certainty, CapUrgency, MsgType, ResponseType, Scope, Severity, Status, XMLDSIG_NS,
  type CapAlert, type CapArea, type CapCircle, type CapInfo, type CapReference, type CapResource, type ValuePair,
} from './cap-model.ts';
import { readXml, type XmlElement, type XmlErrorCode, type XmlLimitName, type XmlLimits } from './xml-reader.ts';
import type { z } from 'zod';

export type CapRefusalCode =
  | XmlErrorCode // the bytes are not a well-formed, safe XML document
  | 'not-cap' // well-formed XML, but no CAP alert (an Atom feed, a schema, …)
  | 'cap-version' // a CAP alert of another version (1.0, 1.1)
  | 'schema' // breaks cap12.xsd
  | 'rule'; // breaks a rule of the CAP 1.2 text that the XSD cannot express

export interface CapRefusal {
  code: CapRefusalCode;
  limit?: XmlLimitName;
  /** "line:column 中文 / English", naming the element and the value. */
  message: string;
  line: number;
  column: number;
}

export type ParseCapResult = { ok: true; alert: CapAlert } | { ok: false; reason: CapRefusal };

const CAP_OLDER: Readonly<Record<string, string>> = {
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'http://www.incident.com/cap/1.0': '1.0',
};
const ATOM_NS = 'http://www.w3.org/2005/Atom';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Parses and checks one CAP 1.2 document. Never throws. */
export function parseCap(bytes: Uint8Array, limits?: Partial<XmlLimits>): ParseCapResult {
  const read = readXml(bytes, limits);
  if (!read.ok) return { ok: false, reason: read.error };
  try {
    return { ok: true, alert: alertOf(read.root) };
  } catch (e) {
    if (e instanceof CapFailure) return { ok: false, reason: e.refusal };
    throw e;
  }
}

class CapFailure extends Error {
  readonly refusal: CapRefusal;
  constructor(refusal: CapRefusal) {
    super(refusal.message);
    this.refusal = refusal;
  }
}

function fail(code: CapRefusalCode, at: XmlElement, zh: string, en: string): never {
  throw new CapFailure({ code, message: `${at.line}:${at.column} ${zh} / ${en}`, line: at.line, column: at.column });
}

function alertOf(root: XmlElement): CapAlert {
  if (root.local === 'alert' && root.ns !== null && CAP_OLDER[root.ns]) {
    const v = CAP_OLDER[root.ns]!;
    fail('cap-version', root, `这是 CAP ${v} 预警,大厅只接收 CAP 1.2`, `this is a CAP ${v} alert; the hall takes CAP 1.2 only`);
  }
  if (root.local === 'feed' && root.ns === ATOM_NS) {
    fail('not-cap', root, '这是 Atom 订阅源,不是 CAP 预警(应逐条获取其中的 CAP 文档)', 'an Atom feed, not a CAP alert (fetch the CAP document of each entry)');
  }
  if (root.local === 'schema' && root.ns === XSD_NS) fail('not-cap', root, '这是 XML Schema,不是 CAP 预警', 'an XML Schema, not a CAP alert');
  if (root.local !== 'alert' || root.ns !== CAP12_NS) {
    const ns = root.ns === null ? '无命名空间' : root.ns;
    fail('not-cap', root, `根元素 <${root.name}>(${ns})不是 CAP 1.2 的 <alert>`, `root element <${root.name}> (${root.ns ?? 'no namespace'}) is not a CAP 1.2 <alert>`);
  }

  const s = sequence(root, ALERT, (el) => el.ns === XMLDSIG_NS);
  const alert: CapAlert = {
    identifier: token(one(s, 'identifier'), 'identifier'),
    sender: token(one(s, 'sender'), 'sender'),
    sent: dateTime(one(s, 'sent')),
    status: enumerated(one(s, 'status'), Status),
    msgType: enumerated(one(s, 'msgType'), MsgType),
    source: optionalText(s, 'source'),
    scope: enumerated(one(s, 'scope'), Scope),
    restriction: optionalText(s, 'restriction'),
    addresses: optionalText(s, 'addresses'),
    codes: all(s, 'code').map(text),
    note: optionalText(s, 'note'),
    references: s.references[0] ? references(s.references[0]) : [],
    incidents: optionalText(s, 'incidents'),
    infos: all(s, 'info').map(infoOf),
    signed: s.tail.some((el) => el.local === 'Signature'),
  };
  if (alert.scope === 'Restricted' && blank(alert.restriction)) {
    fail('rule', one(s, 'scope'), 'scope 为 Restricted 时必须有 <restriction>', 'a Restricted alert needs a <restriction>');
  }
  if (alert.scope === 'Private' && blank(alert.addresses)) {
    fail('rule', one(s, 'scope'), 'scope 为 Private 时必须有 <addresses>', 'a Private alert needs <addresses>');
  }
  if ((alert.msgType === 'Update' || alert.msgType === 'Cancel') && alert.references.length === 0) {
    fail('rule', s.references[0] ?? one(s, 'msgType'), `${alert.msgType} 消息没有 <references>,无法知道它针对哪条预警`, `${alert.msgType} without <references>: which warning it applies to is unknown`);
  }
  return alert;
}

function infoOf(el: XmlElement): CapInfo {
  const s = sequence(el, INFO);
  return {
    language: s.language[0] ? language(s.language[0]) : 'en-US',
    categories: all(s, 'category').map((c) => enumerated(c, Category)),
    event: text(one(s, 'event')),
    responseTypes: all(s, 'responseType').map((r) => enumerated(r, ResponseType)),
    urgency: enumerated(one(s, 'urgency'), CapUrgency),
    severity: enumerated(one(s, 'severity'), Severity),
    certainty: enumerated(one(s, 'certainty'), Certainty),
    audience: optionalText(s, 'audience'),
    eventCodes: all(s, 'eventCode').map(valuePair),
    effective: s.effective[0] && dateTime(s.effective[0]),
    onset: s.onset[0] && dateTime(s.onset[0]),
    expires: s.expires[0] && dateTime(s.expires[0]),
    senderName: optionalText(s, 'senderName'),
    headline: optionalText(s, 'headline'),
    description: optionalText(s, 'description'),
    instruction: optionalText(s, 'instruction'),
    web: s.web[0] && collapse(text(s.web[0])),
    contact: optionalText(s, 'contact'),
    parameters: all(s, 'parameter').map(valuePair),
    resources: all(s, 'resource').map(resourceOf),
    areas: all(s, 'area').map(areaOf),
  };
}

function resourceOf(el: XmlElement): CapResource {
  const s = sequence(el, RESOURCE);
  return {
    resourceDesc: text(one(s, 'resourceDesc')),
    mimeType: text(one(s, 'mimeType')),
    size: s.size[0] && integer(s.size[0]),
    uri: s.uri[0] && collapse(text(s.uri[0])),
    derefUri: optionalText(s, 'derefUri'),
    digest: optionalText(s, 'digest'),
  };
}

function areaOf(el: XmlElement): CapArea {
  const s = sequence(el, AREA);
  return {
    areaDesc: text(one(s, 'areaDesc')),
    polygons: all(s, 'polygon').map(polygon),
    circles: all(s, 'circle').map(circle),
    geocodes: all(s, 'geocode').map(valuePair),
    altitude: s.altitude[0] && decimal(s.altitude[0]),
    ceiling: s.ceiling[0] && decimal(s.ceiling[0]),
  };
}

function valuePair(el: XmlElement): ValuePair {
  const s = sequence(el, VALUE_PAIR);
  return { valueName: text(one(s, 'valueName')), value: text(one(s, 'value')) };
}

// --- Content models (xs:sequence of cap12.xsd, in order) ---------------------------------------------------------

interface Slot<N extends string = string> {
  name: N;
  min: 0 | 1;
  many: boolean;
}
const req = <N extends string>(name: N): Slot<N> => ({ name, min: 1, many: false });
const opt = <N extends string>(name: N): Slot<N> => ({ name, min: 0, many: false });
const some = <N extends string>(name: N): Slot<N> => ({ name, min: 1, many: true });
const any = <N extends string>(name: N): Slot<N> => ({ name, min: 0, many: true });

const ALERT = [
  req('identifier'), req('sender'), req('sent'), req('status'), req('msgType'), opt('source'), req('scope'),
  opt('restriction'), opt('addresses'), any('code'), opt('note'), opt('references'), opt('incidents'), any('info'),
] as const;
const INFO = [
  opt('language'), some('category'), req('event'), any('responseType'), req('urgency'), req('severity'),
  req('certainty'), opt('audience'), any('eventCode'), opt('effective'), opt('onset'), opt('expires'),
  opt('senderName'), opt('headline'), opt('description'), opt('instruction'), opt('web'), opt('contact'),
  any('parameter'), any('resource'), any('area'),
] as const;
const RESOURCE = [req('resourceDesc'), req('mimeType'), opt('size'), opt('uri'), opt('derefUri'), opt('digest')] as const;
const AREA = [req('areaDesc'), any('polygon'), any('circle'), any('geocode'), opt('altitude'), opt('ceiling')] as const;
const VALUE_PAIR = [req('valueName'), req('value')] as const;

type Matched<S extends readonly Slot[]> = { [K in S[number]['name']]: XmlElement[] } & { tail: XmlElement[] };

/**
 * Matches the children of `parent` against a content model in order, as an XSD validator does, and returns
 * them by name. `tail` accepts the elements allowed after the sequence (the schema's `any`).
 */
function sequence<S extends readonly Slot[]>(parent: XmlElement, slots: S, tail?: (el: XmlElement) => boolean): Matched<S> {
  noAttributes(parent);
  if (/[^ \t\n]/.test(parent.text)) {
    fail('schema', parent, `<${parent.local}> 的子元素之间不能有文本`, `<${parent.local}> may not contain text between its elements`);
  }
  const out: Record<string, XmlElement[]> = { tail: [] };
  const children = parent.children;
  let i = 0;
  for (const slot of slots) {
    const got: XmlElement[] = [];
    while (i < children.length && isCap(children[i]!, slot.name) && (slot.many || got.length === 0)) got.push(children[i++]!);
    if (got.length < slot.min) {
      const found = children[i];
      if (found) {
        fail('schema', found, `<${parent.local}> 缺少 <${slot.name}>(此处为 <${found.name}>)`, `<${parent.local}> lacks <${slot.name}> (found <${found.name}> where <${slot.name}> is required)`);
      }
      fail('schema', parent, `<${parent.local}> 缺少 <${slot.name}>`, `<${parent.local}> lacks <${slot.name}>`);
    }
    out[slot.name] = got;
  }
  for (; i < children.length; i++) {
    const el = children[i]!;
    if (tail?.(el)) {
      out.tail!.push(el);
      continue;
    }
    const known = el.ns === CAP12_NS && slots.some((slot) => slot.name === el.local);
    if (known) {
      fail('schema', el, `<${parent.local}> 中的 <${el.name}> 位置不对或重复`, `<${el.name}> in <${parent.local}> is out of order or repeated`);
    }
    fail('schema', el, `<${parent.local}> 中不允许 <${el.name}>(${el.ns ?? '无命名空间'})`, `<${el.name}> (${el.ns ?? 'no namespace'}) is not allowed in <${parent.local}>`);
  }
  return out as Matched<S>;
}

const isCap = (el: XmlElement, name: string) => el.ns === CAP12_NS && el.local === name;
const one = <S extends readonly Slot[]>(s: Matched<S>, name: S[number]['name']): XmlElement => s[name][0]!;
const all = <S extends readonly Slot[]>(s: Matched<S>, name: S[number]['name']): XmlElement[] => s[name];

function noAttributes(el: XmlElement) {
  const bad = el.attributes.find((a) => a.ns !== XSI_NS);
  if (bad) fail('schema', el, `<${el.local}> 不允许属性 ${bad.name}`, `attribute ${bad.name} is not allowed on <${el.local}>`);
}

// --- Simple values -------------------------------------------------------------------------------------------------

/** The text of an element of simple type (no child elements, no attributes). */
function text(el: XmlElement): string {
  noAttributes(el);
  const child = el.children[0];
  if (child) fail('schema', child, `<${el.local}> 只能包含文本,不能有 <${child.name}>`, `<${el.local}> must contain text only, not <${child.name}>`);
  return el.text;
}

function optionalText<S extends readonly Slot[]>(s: Matched<S>, name: S[number]['name']): string | undefined {
  const el = s[name][0];
  return el && text(el);
}

/** XSD whiteSpace="collapse" (dateTime, integer, decimal, language, anyURI). */
const collapse = (v: string) => v.replace(/[ \t\n]+/g, ' ').replace(/^ | $/g, '');
const blank = (v: string | undefined) => v === undefined || collapse(v) === '';

function enumerated<T extends string>(el: XmlElement, schema: z.ZodEnum<{ [K in T]: K }>): T {
  const value = text(el);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const allowed = schema.options.join(', ');
    fail('schema', el, `<${el.local}> 的值 "${value}" 不在 ${allowed} 之中`, `<${el.local}> value "${value}" is not one of ${allowed}`);
  }
  return parsed.data as T;
}

/** identifier and sender: CAP 1.2 forbids spaces, commas and the restricted characters < and &. */
function token(el: XmlElement, what: string): string {
  const value = text(el);
  if (!/^[^\s,<&]+$/.test(value)) {
    fail('rule', el, `<${what}> "${value}" 为空或含空白、逗号、< 或 &`, `<${what}> "${value}" is empty or has white space, a comma, < or &`);
  }
  return value;
}

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([-+])(\d\d):(\d\d)$/;

/** A valid CAP dateTime (the XSD pattern and a real date, time and zone), or null. */
export function checkDateTime(value: string): string | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s, , zh, zm] = m.slice(1).map(Number) as number[];
  const leap = y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo! - 1];
  const ok = y! > 0 && days !== undefined && d! >= 1 && d! <= days && h! <= 23 && mi! <= 59 && s! <= 59 && zm! <= 59 && (zh! < 14 || (zh === 14 && zm === 0));
  return ok ? value : null;
}

function dateTime(el: XmlElement): string {
  const value = collapse(text(el));
  const checked = checkDateTime(value);
  if (checked === null) {
    fail('schema', el, `<${el.local}> "${value}" 不是带时区的日期时间(如 2024-07-12T21:31:38+08:00)`, `<${el.local}> "${value}" is not a dateTime with a zone (like 2024-07-12T21:31:38+08:00)`);
  }
  return checked;
}

function language(el: XmlElement): string {
  const value = collapse(text(el));
  if (!/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(value)) fail('schema', el, `<language> "${value}" 不是语言代码`, `<language> "${value}" is not a language tag`);
  return value;
}

function integer(el: XmlElement): number {
  const value = collapse(text(el));
  if (!/^[+-]?\d{1,15}$/.test(value)) fail('schema', el, `<${el.local}> "${value}" 不是整数`, `<${el.local}> "${value}" is not an integer`);
  return Number(value);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function decimal(el: XmlElement): number {
  const value = collapse(text(el));
  if (!DECIMAL.test(value)) fail('schema', el, `<${el.local}> "${value}" 不是十进制数`, `<${el.local}> "${value}" is not a decimal number`);
  return Number(value);
}

function references(el: XmlElement): CapReference[] {
  return collapse(text(el)).split(' ').filter(Boolean).map((entry) => {
    const [sender, identifier, sent, ...rest] = entry.split(',');
    if (!sender || !identifier || sent === undefined || rest.length > 0 || checkDateTime(sent) === null) {
      fail('rule', el, `<references> 中的 "${entry}" 不是 sender,identifier,sent`, `"${entry}" in <references> is not sender,identifier,sent`);
    }
    return { sender, identifier, sent };
  });
}

type LonLat = [number, number];

/** A "lat,lon" pair as [lon, lat], or null when it is not two numbers in range. */
function latLon(pair: string): LonLat | null {
  const [lat, lon, ...rest] = pair.split(',');
  if (lat === undefined || lon === undefined || rest.length > 0 || !DECIMAL.test(lat) || !DECIMAL.test(lon)) return null;
  const [la, lo] = [Number(lat), Number(lon)];
  return Math.abs(la) <= 90 && Math.abs(lo) <= 180 ? [lo, la] : null;
}

function polygon(el: XmlElement): LonLat[] {
  const pairs = collapse(text(el)).split(' ').filter(Boolean);
  const ring = pairs.map(latLon);
  const bad = ring.findIndex((p) => p === null);
  if (bad >= 0) {
    fail('rule', el, `<polygon> 的第 ${bad + 1} 个点 "${pairs[bad]}" 不是 纬度,经度`, `point ${bad + 1} "${pairs[bad]}" of <polygon> is not lat,lon`);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    fail('rule', el, `<polygon> 需要至少 4 个点且首尾相同(有 ${ring.length} 个)`, `<polygon> needs at least 4 points with the first repeated last (has ${ring.length})`);
  }
  return ring as LonLat[];
}

function circle(el: XmlElement): CapCircle {
  const value = collapse(text(el));
  const [point, radius, ...rest] = value.split(' ');
  const center = point === undefined ? null : latLon(point);
  if (!center || radius === undefined || rest.length > 0 || !DECIMAL.test(radius) || Number(radius) < 0) {
    fail('rule', el, `<circle> "${value}" 不是 "纬度,经度 半径公里"`, `<circle> "${value}" is not "lat,lon radius-km"`);
  }
  return { center, radiusKm: Number(radius) };
}
