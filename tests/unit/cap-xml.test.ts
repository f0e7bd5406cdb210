// The XML reader under CAP ingest: hostile documents (XXE, billion laughs, parameter entities, any DOCTYPE,
// undeclared entities, oversize, too deep, unclosed, badly encoded) are refused with a named reason and a place,
// and the legitimate parts of XML (the five entities, character references, CDATA, comments, processing
// instructions, namespaces, the supported encodings) read right.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCap } from '../../electron/common/cap/parse-cap.ts';
import { DEFAULT_XML_LIMITS, readXml, type XmlElement, type XmlErrorCode, type XmlLimitName } from '../../electron/common/cap/xml-reader.ts';

const HOSTILE = resolve(import.meta.dirname, '../fixtures/cap/hostile');
const CN = resolve(import.meta.dirname, '../fixtures/cap/cn');
const bytes = (s: string) => new TextEncoder().encode(s);
const fixture = (dir: string, name: string) => new Uint8Array(readFileSync(join(dir, name)));

function refusal(input: Uint8Array | string) {
  const result = readXml(typeof input === 'string' ? bytes(input) : input);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

function root(input: string | Uint8Array): XmlElement {
  const result = readXml(typeof input === 'string' ? bytes(input) : input);
  if (!result.ok) throw new Error(result.error.message);
  return result.root;
}

const HOSTILE_VERDICTS: Readonly<Record<string, { code: XmlErrorCode; limit?: XmlLimitName; because: RegExp; at: [number, number] }>> = {
  'xxe-file.xml': { code: 'doctype', because: /<!DOCTYPE> refused: a DTD can declare entities \(external entities: XXE/, at: [3, 1] },
  'billion-laughs.xml': { code: 'doctype', because: /billion laughs/, at: [3, 1] },
  'parameter-entity.xml': { code: 'doctype', because: /<!DOCTYPE> refused/, at: [3, 1] },
  'doctype-system.xml': { code: 'doctype', because: /<!DOCTYPE> refused/, at: [3, 1] },
  'doctype-plain.xml': { code: 'doctype', because: /<!DOCTYPE> refused/, at: [3, 1] },
  'entity-without-doctype.xml': { code: 'undefined-entity', because: /entity reference &warning; refused: only the five predefined/, at: [16, 17] },
  'entity-in-body.xml': { code: 'entity-declaration', because: /<!ENTITY> refused/, at: [18, 3] },
  'unclosed.xml': { code: 'malformed', because: /<\/alert> does not close <info> opened at 9:3/, at: [18, 1] },
  'mismatched.xml': { code: 'malformed', because: /<\/headLine> does not close <headline> opened at 15:5/, at: [15, 19] },
  'two-roots.xml': { code: 'malformed', because: /an element after the root element/, at: [19, 1] },
  'too-deep.xml': { code: 'limit', limit: 'depth', because: /nested deeper than the cap of 32/, at: [19, 393] },
  'bad-utf8.xml': { code: 'encoding', because: /byte 0xFF at 16:21 is not valid UTF-8/, at: [16, 21] },
  'unsupported-encoding.xml': { code: 'encoding', because: /encoding "Shift_JIS" is not supported/, at: [1, 1] },
};

describe('hostile XML files', () => {
  const files = readdirSync(HOSTILE).sort();

  it('all have a verdict', () => {
    expect(files.filter((f) => !(f in HOSTILE_VERDICTS))).toEqual([]);
    expect(Object.keys(HOSTILE_VERDICTS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s is refused with a named reason and its place, and yields no alert', (file) => {
    const verdict = HOSTILE_VERDICTS[file]!;
    const error = refusal(fixture(HOSTILE, file));
    expect(error.code).toBe(verdict.code);
    expect(error.limit).toBe(verdict.limit);
    expect(error.message).toMatch(verdict.because);
    expect([error.line, error.column]).toEqual(verdict.at);
    const cap = parseCap(fixture(HOSTILE, file));
    expect(cap).toEqual({ ok: false, reason: error });
  });

  it('never reads the DTD: the XXE identifier is not resolved to anything, the laughs are not expanded', () => {
    // The refusal comes at the DOCTYPE, before the body is looked at: no expansion, so no time spent on one.
    const started = performance.now();
    refusal(fixture(HOSTILE, 'billion-laughs.xml'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refusal('<a>&lol9;</a>').code).toBe('undefined-entity');
  });

  it('refuses a lower-case doctype and one inside the root element too', () => {
    expect(refusal('<!doctype alert><alert/>').code).toBe('doctype');
    expect(refusal('<alert><!DOCTYPE alert></alert>').code).toBe('doctype');
    expect(refusal('<alert><!ELEMENT alert ANY></alert>')).toMatchObject({ code: 'malformed', message: /DTD markup <!ELEMENT> is not allowed/ });
  });
});

describe('size caps, each named', () => {
  const valid = readFileSync(join(CN, 'typhoon-orange-songjiang.xml'), 'utf8');

  it('bytes: a valid alert padded past 1 MiB with a comment is refused before decoding', () => {
    const padded = valid.replace('<alert', `<!-- ${'x'.repeat(DEFAULT_XML_LIMITS.maxBytes)} -->\n<alert`);
    expect(refusal(padded)).toMatchObject({ code: 'limit', limit: 'bytes', message: /exceeds the cap of 1048576 bytes/ });
    expect(readXml(bytes(valid), { maxBytes: valid.length - 1 })).toMatchObject({ ok: false, error: { limit: 'bytes' } });
  });

  it('elements', () => {
    const many = `<r>${'<e/>'.repeat(DEFAULT_XML_LIMITS.maxElements)}</r>`;
    expect(refusal(many)).toMatchObject({ code: 'limit', limit: 'elements', message: /more elements than the cap of 10000/ });
    expect(readXml(bytes(`<r>${'<e/>'.repeat(DEFAULT_XML_LIMITS.maxElements - 1)}</r>`)).ok).toBe(true);
  });

  it('depth', () => {
    const nest = (n: number) => '<e>'.repeat(n) + '</e>'.repeat(n);
    expect(readXml(bytes(nest(32))).ok).toBe(true);
    expect(refusal(nest(33))).toMatchObject({ limit: 'depth', line: 1, column: 3 * 32 + 1 });
  });

  it('text length, also when built from many CDATA pieces, and attribute values', () => {
    const cap = DEFAULT_XML_LIMITS.maxTextLength;
    expect(refusal(`<e>${'a'.repeat(cap + 1)}</e>`)).toMatchObject({ limit: 'textLength', message: /text of <e> exceeds the cap of 262144 characters/ });
    expect(refusal(`<e>${`<![CDATA[${'a'.repeat(1024)}]]>`.repeat(cap / 1024 + 1)}</e>`)).toMatchObject({ limit: 'textLength' });
    expect(refusal(`<e a="${'a'.repeat(cap + 1)}"/>`)).toMatchObject({ limit: 'textLength', message: /value of attribute a/ });
  });

  it('attributes and name length', () => {
    const attrs = Array.from({ length: 65 }, (_, i) => `a${i}="1"`).join(' ');
    expect(refusal(`<e ${attrs}/>`)).toMatchObject({ limit: 'attributes' });
    expect(refusal(`<${'n'.repeat(257)}/>`)).toMatchObject({ limit: 'nameLength' });
  });
});

describe('well-formedness, with line:column', () => {
  it.each([
    ['', /no root element/, [1, 1]],
    ['<a>', /<a> opened at 1:1 is never closed/, [1, 4]],
    ['<a></b>', /<\/b> does not close <a>/, [1, 4]],
    ['<a>\n  <b c="1" c="2"/></a>', /attribute c of <b> is repeated/, [2, 12]],
    ['<a b=1/>', /must be quoted/, [1, 6]],
    ['<a b="<"/>', /"<" in the value of attribute b/, [1, 7]],
    ['<a>x & y</a>', /"&" does not start a reference/, [1, 6]],
    ['<a>&#0;</a>', /&#0; is not a legal XML character/, [1, 4]],
    ['<a>&#xD800;</a>', /not a legal XML character/, [1, 4]],
    ['<a>]]></a>', /"]]>" in text/, [1, 4]],
    ['<a><!-- a -- b --></a>', /"--" inside a comment/, [1, 11]],
    ['<a><!-- open </a>', /comment is never closed/, [1, 4]],
    ['<a><![CDATA[x</a>', /CDATA section is never closed/, [1, 4]],
    ['x<a/>', /text outside the root element/, [1, 1]],
    ['<a/>\n y', /text outside the root element/, [2, 2]],
    ['<a>\u0001</a>', /character U\+0001 is not allowed/, [1, 4]],
    [' <?xml version="1.0"?><a/>', /must be at the very start/, [1, 2]],
    ['<?xml version="1.0" encoding="UTF-8" standalone="maybe"?><a/>', /malformed XML declaration: standalone "maybe"/, [1, 1]],
    ['<p:a/>', /prefix p of p:a is not declared/, [1, 1]],
    ['<a:b:c xmlns:a="u"/>', /not a valid qualified name/, [1, 1]],
    ['<a xmlns:p=""/>', /cannot be bound to an empty namespace/, [1, 4]],
    ['<a xmlns:xml="urn:x"/>', /not allowed/, [1, 4]],
  ] as const)('%j', (text, because, [line, column]) => {
    const error = refusal(text);
    expect(error.message).toMatch(because);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it('counts lines after CRLF and lone CR line ends', () => {
    expect(refusal('<a>\r\n\r<b>\r\n</a>')).toMatchObject({ line: 4, column: 1, message: /<b> opened at 3:1/ });
  });
});

describe('what XML may contain', () => {
  it('the five predefined entities, character references, CDATA, comments and processing instructions', () => {
    const r = root('<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?><!-- c --><a>&lt;&gt;&amp;&apos;&quot; &#x53F0;&#39118; <![CDATA[<b>&amp;</b>]]><!-- c --><?pi data?>z</a><!-- after -->');
    expect(r.text).toBe('<>&\'" 台风 <b>&amp;</b>z');
  });

  it('attribute values are normalised: literal white space to spaces, referenced white space kept', () => {
    const r = root('<a b="x\ty\nz&#10;w"/>');
    expect(r.attributes[0]).toEqual({ name: 'b', local: 'b', ns: null, value: 'x y z\nw' });
  });

  it('resolves namespaces: default, prefixed, re-declared and undeclared, attributes unprefixed in none', () => {
    const r = root('<cap:alert xmlns:cap="urn:c" xmlns="urn:d" x="1" cap:y="2"><b/><c xmlns=""><d/></c><cap:e xmlns:cap="urn:other"/></cap:alert>');
    expect([r.local, r.ns]).toEqual(['alert', 'urn:c']);
    expect(r.attributes.map((a) => [a.name, a.ns])).toEqual([['x', null], ['cap:y', 'urn:c']]);
    expect(r.children.map((c) => [c.name, c.ns])).toEqual([['b', 'urn:d'], ['c', null], ['cap:e', 'urn:other']]);
    expect(r.children[1]!.children[0]!.ns).toBeNull();
  });

  it('reads positions of elements', () => {
    const r = root('<a>\n  <b/>\n\t<c/></a>');
    expect(r.children.map((c) => [c.line, c.column])).toEqual([[2, 3], [3, 2]]);
  });
});

describe('encodings', () => {
  const doc = '<?xml version="1.0" encoding="ENC"?><a>Usulután 暴雨</a>';

  it('UTF-8 by default and with a BOM', () => {
    expect(root('<a>台风</a>').text).toBe('台风');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('<a>台风</a>')]);
    expect(readXml(bom)).toMatchObject({ ok: true, encoding: 'UTF-8', root: { text: '台风' } });
  });

  it('ISO-8859-1 as declared (bytes 0x80–0x9F are C1 controls there, not Windows-1252)', () => {
    const latin = new Uint8Array([...bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>Usulut'), 0xe1, ...bytes('n</a>')]);
    expect(readXml(latin)).toMatchObject({ ok: true, encoding: 'ISO-8859-1', root: { text: 'Usulután' } });
  });

  it('GBK as declared, from a Chinese fixture', () => {
    const result = parseCap(fixture(CN, 'rainstorm-blue-gbk.xml'));
    if (!result.ok) throw new Error(result.reason.message);
    expect(result.alert.infos[0]!.headline).toBe('松江区气象台发布暴雨蓝色预警信号');
  });

  it('UTF-16 with a BOM, in either byte order', () => {
    const text = '<a>台风</a>';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + 2 * i, text.charCodeAt(i), true);
    expect(readXml(le)).toMatchObject({ ok: true, encoding: 'UTF-16LE', root: { text: '台风' } });
    const be = new Uint8Array(le.length);
    be.set([0xfe, 0xff]);
    for (let i = 2; i < le.length; i += 2) be.set([le[i + 1]!, le[i]!], i);
    expect(readXml(be)).toMatchObject({ ok: true, encoding: 'UTF-16BE' });
  });

  it.each([
    [doc.replace('ENC', 'EBCDIC'), /encoding "EBCDIC" is not supported/],
    [doc.replace('ENC', 'UTF-16'), /declared UTF-16 but the bytes have no UTF-16 byte-order mark/],
    [doc.replace('ENC', 'US-ASCII'), /byte 0xC3 at 1:51 is not valid US-ASCII/],
  ])('refuses %j', (text, because) => {
    expect(refusal(text)).toMatchObject({ code: 'encoding', message: because });
  });

  it('refuses a BOM that contradicts the declaration, and bad bytes of each encoding with their place', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a/>')]);
    expect(refusal(bom)).toMatchObject({ code: 'encoding', message: /UTF-8 BOM contradicts the declared encoding "ISO-8859-1"/ });
    expect(refusal(new Uint8Array([0x00, 0x3c, 0x00, 0x61]))).toMatchObject({ code: 'encoding', message: /UTF-16 without a byte-order mark/ });
    // Overlong "/" (C0 AF), a UTF-8-encoded surrogate (ED A0 80), a sequence cut off at the end.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe6, 0x9a]]) {
      expect(refusal(new Uint8Array([...bytes('<a>\nok'), ...bad, ...bytes('</a>')]))).toMatchObject({ code: 'encoding', line: 2, column: 3 });
    }
    const gbk = new Uint8Array([...bytes('<?xml version="1.0" encoding="GB2312"?>\n<a>\n'), 0x81, 0x20, ...bytes('</a>')]);
    expect(refusal(gbk)).toMatchObject({ code: 'encoding', line: 3, message: /line 3 is not valid GB18030/ });
  });
});
