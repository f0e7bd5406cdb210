// parseCap's checks, one broken variant of a good alert at a time: the cap12.xsd content models, enumerations and
// value types, and the rules of the CAP 1.2 text (references, scope, polygons, circles, identifiers).
import { describe, expect, it } from 'vitest';
import { parseCap, type CapRefusalCode } from '../../electron/common/cap/parse-cap.ts';

const GOOD = `<?xml version="1.0" encoding="UTF-8"?>
<cap:alert xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2">
  <cap:identifier>31011741600000_20240620143000</cap:identifier>
  <cap:sender>Songjiang_Meteorological_Observatory</cap:sender>
  <cap:sent>2024-06-20T14:30:00+08:00</cap:sent>
  <cap:status>Actual</cap:status>
  <cap:msgType>Alert</cap:msgType>
  <cap:scope>Public</cap:scope>
  <cap:info>
    <cap:language>zh-CN</cap:language>
    <cap:category>Met</cap:category>
    <cap:event>暴雨</cap:event>
    <cap:urgency>Expected</cap:urgency>
    <cap:severity>Minor</cap:severity>
    <cap:certainty>Likely</cap:certainty>
    <cap:expires>2024-06-21T02:30:00+08:00</cap:expires>
    <cap:headline>松江区气象台发布暴雨蓝色预警</cap:headline>
    <cap:resource>
      <cap:resourceDesc>图</cap:resourceDesc>
      <cap:mimeType>image/png</cap:mimeType>
      <cap:size>1024</cap:size>
    </cap:resource>
    <cap:area>
      <cap:areaDesc>松江区</cap:areaDesc>
      <cap:polygon>31.0,121.2 31.0,121.3 31.1,121.3 31.0,121.2</cap:polygon>
      <cap:circle>31.0,121.23 5.5</cap:circle>
      <cap:geocode><cap:valueName>CPEAS Geographic Code</cap:valueName><cap:value>310117000000</cap:value></cap:geocode>
      <cap:altitude>0</cap:altitude>
      <cap:ceiling>100.5</cap:ceiling>
    </cap:area>
  </cap:info>
  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>
</cap:alert>`;

const parse = (text: string) => parseCap(new TextEncoder().encode(text));

function refused(text: string) {
  const result = parse(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

/** Replaces exactly one occurrence, so a typo in a test cannot silently leave the document unchanged. */
function variant(from: string | RegExp, to: string): string {
  const count = GOOD.split(from).length - 1;
  if (count !== 1) throw new Error(`"${String(from)}" occurs ${count} times`);
  return GOOD.replace(from, to);
}

describe('a good alert', () => {
  it('parses whole, prefixed elements and all', () => {
    const result = parse(GOOD);
    if (!result.ok) throw new Error(result.reason.message);
    const info = result.alert.infos[0]!;
    expect(result.alert).toMatchObject({ identifier: '31011741600000_20240620143000', status: 'Actual', signed: true, references: [] });
    expect(info.resources[0]).toEqual({ resourceDesc: '图', mimeType: 'image/png', size: 1024 });
    expect(info.areas[0]).toEqual({
      areaDesc: '松江区',
      polygons: [[[121.2, 31.0], [121.3, 31.0], [121.3, 31.1], [121.2, 31.0]]],
      circles: [{ center: [121.23, 31.0], radiusKm: 5.5 }],
      geocodes: [{ valueName: 'CPEAS Geographic Code', value: '310117000000' }],
      altitude: 0,
      ceiling: 100.5,
    });
  });

  it('takes white space around dateTime values (XSD collapses it) but not around enumerations', () => {
    expect(parse(variant('<cap:sent>2024', '<cap:sent>\n  2024')).ok).toBe(true);
    expect(refused(variant('<cap:status>Actual', '<cap:status> Actual'))).toMatchObject({ code: 'schema', message: /<status> value " Actual" is not one of/ });
  });
});

describe('schema refusals', () => {
  it.each<[string, string | RegExp, string, CapRefusalCode, RegExp]>([
    ['a missing required element', /\s*<cap:scope>Public<\/cap:scope>/, '', 'schema', /<alert> lacks <scope> \(found <info>/],
    ['an element out of order', /<cap:status>Actual<\/cap:status>\s*<cap:msgType>Alert<\/cap:msgType>/, '<cap:msgType>Alert</cap:msgType><cap:status>Actual</cap:status>', 'schema', /<alert> lacks <status> \(found <cap:msgType>/],
    ['a repeated element', '<cap:event>暴雨</cap:event>', '<cap:event>暴雨</cap:event><cap:event>大风</cap:event>', 'schema', /lacks <urgency> \(found <cap:event>/],
    ['an unknown CAP element at the end', '</cap:area>', '</cap:area><cap:polygon/>', 'schema', /<cap:polygon> in <info> is out of order or repeated/],
    ['a foreign element inside <info>', '</cap:area>', '</cap:area><x:note xmlns:x="urn:x"/>', 'schema', /<x:note> \(urn:x\) is not allowed in <info>/],
    ['a foreign element at the end of <alert> (only xmldsig may be)', '</ds:Signature>', '</ds:Signature><x:extra xmlns:x="urn:x"/>', 'schema', /<x:extra> \(urn:x\) is not allowed in <alert>/],
    ['CAP elements in no namespace', '<cap:identifier>31011741600000_20240620143000</cap:identifier>', '<identifier>x</identifier>', 'schema', /<alert> lacks <identifier> \(found <identifier>/],
    ['a status outside the enumeration', '<cap:status>Actual', '<cap:status>Real', 'schema', /<status> value "Real" is not one of Actual, Exercise, System, Test, Draft/],
    ['a msgType outside the enumeration', '<cap:msgType>Alert', '<cap:msgType>alert', 'schema', /<msgType> value "alert"/],
    ['a category outside the enumeration', '<cap:category>Met', '<cap:category>Weather', 'schema', /<category> value "Weather"/],
    ['an urgency outside the enumeration', '<cap:urgency>Expected', '<cap:urgency>Soon', 'schema', /<urgency> value "Soon"/],
    ['a severity outside the enumeration', '<cap:severity>Minor', '<cap:severity>Low', 'schema', /<severity> value "Low"/],
    ['a certainty outside the enumeration', '<cap:certainty>Likely', '<cap:certainty>Sure', 'schema', /<certainty> value "Sure"/],
    ['a responseType outside the enumeration', '<cap:urgency>', '<cap:responseType>Run</cap:responseType><cap:urgency>', 'schema', /<responseType> value "Run"/],
    ['a UTC "Z" time (CAP wants +00:00)', '2024-06-20T14:30:00+08:00', '2024-06-20T06:30:00Z', 'schema', /<sent> "2024-06-20T06:30:00Z" is not a dateTime with a zone/],
    ['a time without a zone', '2024-06-21T02:30:00+08:00', '2024-06-21T02:30:00', 'schema', /<expires> "2024-06-21T02:30:00"/],
    ['a day that does not exist', '2024-06-21T02:30:00+08:00', '2023-02-29T02:30:00+08:00', 'schema', /<expires> "2023-02-29T02:30:00\+08:00"/],
    ['an hour past 23', '2024-06-21T02:30:00+08:00', '2024-06-21T24:00:00+08:00', 'schema', /is not a dateTime/],
    ['a zone past 14:00', '2024-06-21T02:30:00+08:00', '2024-06-21T02:30:00+15:00', 'schema', /is not a dateTime/],
    ['a bad language tag', 'zh-CN', 'zh_CN', 'schema', /<language> "zh_CN" is not a language tag/],
    ['a size that is no integer', '<cap:size>1024', '<cap:size>1 KB', 'schema', /<size> "1 KB" is not an integer/],
    ['an altitude that is no decimal', '<cap:altitude>0', '<cap:altitude>1e3', 'schema', /<altitude> "1e3" is not a decimal/],
    ['a resource without mimeType', '<cap:mimeType>image/png</cap:mimeType>', '', 'schema', /<resource> lacks <mimeType> \(found <cap:size>/],
    ['a geocode without value', '<cap:value>310117000000</cap:value>', '', 'schema', /<geocode> lacks <value>/],
    ['an area without areaDesc', '<cap:areaDesc>松江区</cap:areaDesc>', '', 'schema', /<area> lacks <areaDesc> \(found <cap:polygon>/],
    ['an info without category', '<cap:category>Met</cap:category>', '', 'schema', /<info> lacks <category> \(found <cap:event>/],
    ['an element inside a text element', '<cap:event>暴雨</cap:event>', '<cap:event>暴<cap:b/>雨</cap:event>', 'schema', /<event> must contain text only, not <cap:b>/],
    ['text between elements', '<cap:msgType>Alert</cap:msgType>', '<cap:msgType>Alert</cap:msgType> stray', 'schema', /<alert> may not contain text between its elements/],
    ['an attribute on a CAP element', '<cap:event>', '<cap:event lang="zh">', 'schema', /attribute lang is not allowed on <event>/],
  ])('%s', (_what, from, to, code, because) => {
    expect(refused(variant(from, to))).toMatchObject({ code, message: because });
  });

  it('allows xsi attributes, as schema validators do', () => {
    expect(parse(variant('<cap:alert xmlns:cap', '<cap:alert xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:oasis:names:tc:emergency:cap:1.2 cap.xsd" xmlns:cap')).ok).toBe(true);
  });

  it('names the place of the problem', () => {
    expect(refused(variant('<cap:severity>Minor', '<cap:severity>Low'))).toMatchObject({ line: 14, column: 5 });
  });
});

describe('rules of the CAP 1.2 text', () => {
  const ref = 'Songjiang_Meteorological_Observatory,31011741600000_20240620083000,2024-06-20T08:30:00+08:00';
  const withRefs = (msgType: string, refs: string | null) =>
    variant(/<cap:msgType>Alert<\/cap:msgType>\s*<cap:scope>Public<\/cap:scope>/, `<cap:msgType>${msgType}</cap:msgType><cap:scope>Public</cap:scope>${refs === null ? '' : `<cap:references>${refs}</cap:references>`}`);

  it('Update and Cancel need references, parsed as sender,identifier,sent triples separated by white space', () => {
    for (const msgType of ['Update', 'Cancel']) {
      expect(refused(withRefs(msgType, null))).toMatchObject({ code: 'rule', message: new RegExp(`${msgType} without <references>`) });
      expect(refused(withRefs(msgType, ' '))).toMatchObject({ code: 'rule' });
    }
    const result = parse(withRefs('Update', `${ref}\n  a@b,ID-2,2024-06-20T09:00:00-00:00`));
    expect(result.ok && result.alert.references).toEqual([
      { sender: 'Songjiang_Meteorological_Observatory', identifier: '31011741600000_20240620083000', sent: '2024-06-20T08:30:00+08:00' },
      { sender: 'a@b', identifier: 'ID-2', sent: '2024-06-20T09:00:00-00:00' },
    ]);
  });

  it.each([
    ['sender,identifier', /"sender,identifier" in <references> is not sender,identifier,sent/],
    ['a,b,2024-06-20T08:30:00+08:00,d', /is not sender,identifier,sent/],
    [',b,2024-06-20T08:30:00+08:00', /is not sender,identifier,sent/],
    ['a,b,yesterday', /"a,b,yesterday"/],
  ])('refuses the reference %j', (refs, because) => {
    expect(refused(withRefs('Update', refs))).toMatchObject({ code: 'rule', message: because });
  });

  it('Restricted needs a restriction, Private needs addresses', () => {
    expect(refused(variant('<cap:scope>Public</cap:scope>', '<cap:scope>Restricted</cap:scope>'))).toMatchObject({ code: 'rule', message: /Restricted alert needs a <restriction>/ });
    expect(refused(variant('<cap:scope>Public</cap:scope>', '<cap:scope>Restricted</cap:scope><cap:restriction> </cap:restriction>'))).toMatchObject({ code: 'rule' });
    expect(parse(variant('<cap:scope>Public</cap:scope>', '<cap:scope>Restricted</cap:scope><cap:restriction>防汛指挥部</cap:restriction>')).ok).toBe(true);
    expect(refused(variant('<cap:scope>Public</cap:scope>', '<cap:scope>Private</cap:scope>'))).toMatchObject({ code: 'rule', message: /Private alert needs <addresses>/ });
    expect(parse(variant('<cap:scope>Public</cap:scope>', '<cap:scope>Private</cap:scope><cap:addresses>desk-1 desk-2</cap:addresses>')).ok).toBe(true);
  });

  it.each([
    ['31.0,121.2 31.0,121.3 31.0,121.2', /needs at least 4 points with the first repeated last \(has 3\)/],
    ['31.0,121.2 31.0,121.3 31.1,121.3 31.1,121.2', /needs at least 4 points with the first repeated last \(has 4\)/],
    ['31.0,121.2 31.0;121.3 31.1,121.3 31.0,121.2', /point 2 "31.0;121.3" of <polygon> is not lat,lon/],
    // Written lon,lat by mistake: 121 is no latitude, so it is refused rather than drawn in the Indian Ocean.
    ['121.2,31.0 121.3,31.0 121.3,31.1 121.2,31.0', /point 1 "121.2,31.0" of <polygon> is not lat,lon/],
    ['', /has 0/],
  ])('refuses the polygon %j', (polygon, because) => {
    expect(refused(variant('31.0,121.2 31.0,121.3 31.1,121.3 31.0,121.2', polygon))).toMatchObject({ code: 'rule', message: because });
  });

  it.each(['31.0,121.23', '31.0,121.23 -1', '31.0,121.23 5 km', '91,121.23 5', '31.0 121.23 5'])('refuses the circle %j', (circle) => {
    expect(refused(variant('31.0,121.23 5.5', circle))).toMatchObject({ code: 'rule', message: /is not "lat,lon radius-km"/ });
  });

  it.each(['ID 1', 'ID,1', 'ID&amp;1', ''])('refuses the identifier %j', (identifier) => {
    expect(refused(variant('31011741600000_20240620143000', identifier))).toMatchObject({ code: 'rule', message: /<identifier> ".*" is empty or has white space, a comma, < or &/ });
  });
});

describe('other documents', () => {
  it('names CAP 1.0 and other roots', () => {
    expect(refused('<alert xmlns="http://www.incident.com/cap/1.0"/>')).toMatchObject({ code: 'cap-version', message: /CAP 1\.0 alert; the hall takes CAP 1\.2 only/ });
    expect(refused('<alert/>')).toMatchObject({ code: 'not-cap', message: /root element <alert> \(no namespace\) is not a CAP 1\.2 <alert>/ });
    expect(refused('<rss version="2.0"/>')).toMatchObject({ code: 'not-cap' });
  });
});
