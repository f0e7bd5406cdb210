// Bytes to text for the XML reader. The encoding comes from the byte-order mark, else from the XML declaration's
// encoding pseudo-attribute, else UTF-8 (XML 1.0 §4.3.3 and appendix F). Decoding is strict: bytes that are not
// valid in the encoding are refused with their place, never replaced by U+FFFD.
import { XmlReadFailure } from './xml-error.ts';

export type XmlEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'ISO-8859-1' | 'US-ASCII' | 'GB18030';

/** Declared labels (lower case) we decode. GB2312 and GBK are subsets of GB18030, so they decode as it. */
const LABELS: Readonly<Record<string, XmlEncoding | 'UTF-16'>> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'utf-16': 'UTF-16',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'iso-8859-1': 'ISO-8859-1',
  'iso8859-1': 'ISO-8859-1',
  'iso_8859-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'us-ascii': 'US-ASCII',
  ascii: 'US-ASCII',
  gb2312: 'GB18030',
  gbk: 'GB18030',
  gb18030: 'GB18030',
  cp936: 'GB18030',
};

export interface XmlDeclaration {
  /** Index just past `?>`. */
  end: number;
  version: string;
  encoding: string | null;
  standalone: 'yes' | 'no' | null;
}

const DECLARATION =
  /^<\?xml(\s+version\s*=\s*(?:"([^"]*)"|'([^']*)'))(\s+encoding\s*=\s*(?:"([^"]*)"|'([^']*)'))?(\s+standalone\s*=\s*(?:"([^"]*)"|'([^']*)'))?\s*\?>/;

/**
 * The XML declaration at the very start of `text`, null when there is none. Throws on a malformed one (anything
 * starting `<?xml` followed by white space must be a declaration: a processing instruction may not be named xml).
 */
export function readDeclaration(text: string): XmlDeclaration | null {
  if (!/^<\?xml[\s]/.test(text)) return null;
  const m = DECLARATION.exec(text.slice(0, 512));
  const fail = (why: string) => {
    throw new XmlReadFailure({ code: 'malformed', message: `XML 声明有误:${why} / malformed XML declaration: ${why}`, line: 1, column: 1 });
  };
  if (!m) return fail('expected <?xml version="1.0" [encoding="…"] [standalone="yes|no"]?>');
  const version = m[2] ?? m[3] ?? '';
  const encoding = m[5] ?? m[6] ?? null;
  const standalone = m[8] ?? m[9] ?? null;
  if (!/^1\.[0-9]+$/.test(version)) fail(`version "${version}"`);
  if (encoding !== null && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(encoding)) fail(`encoding "${encoding}"`);
  if (standalone !== null && standalone !== 'yes' && standalone !== 'no') fail(`standalone "${standalone}"`);
  return { end: m[0].length, version, encoding, standalone: standalone as XmlDeclaration['standalone'] };
}

export interface DecodedXml {
  text: string;
  encoding: XmlEncoding;
}

/** Decodes a document's bytes; throws XmlReadFailure ('encoding') naming the encoding and the bad byte's place. */
export function decodeXml(bytes: Uint8Array): DecodedXml {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeAs(bytes, 3, 'UTF-8', 'UTF-8 BOM');
  if (b0 === 0xfe && b1 === 0xff) return decodeAs(bytes, 2, 'UTF-16BE', 'UTF-16 BOM');
  if (b0 === 0xff && b1 === 0xfe) return decodeAs(bytes, 2, 'UTF-16LE', 'UTF-16 BOM');
  if ((b0 === 0x00 && b1 === 0x3c) || (b0 === 0x3c && b1 === 0x00)) {
    fail('UTF-16 没有字节序标记 / UTF-16 without a byte-order mark is not supported', 1, 1);
  }
  // Every supported encoding without a BOM is ASCII-compatible, so the declaration reads the same in Latin-1.
  const head = latin1(bytes.subarray(0, 512));
  const declared = readDeclaration(head)?.encoding ?? null;
  if (declared === null) return decodeAs(bytes, 0, 'UTF-8', 'default');
  const encoding = LABELS[declared.toLowerCase()];
  if (encoding === undefined) {
    fail(`不支持的编码 "${declared}" / encoding "${declared}" is not supported (UTF-8, UTF-16, ISO-8859-1, US-ASCII, GB2312/GBK/GB18030 are)`, 1, 1);
  }
  if (encoding === 'UTF-16' || encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
    fail(`声明为 ${declared} 但没有 UTF-16 字节序标记 / declared ${declared} but the bytes have no UTF-16 byte-order mark`, 1, 1);
  }
  return decodeAs(bytes, 0, encoding, 'declaration');
}

function decodeAs(bytes: Uint8Array, start: number, encoding: XmlEncoding, from: string): DecodedXml {
  const body = bytes.subarray(start);
  let text: string;
  switch (encoding) {
    case 'UTF-8': {
      const bad = firstInvalidUtf8(body);
      if (bad >= 0) badByte(body, bad, start, encoding);
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      break;
    }
    case 'US-ASCII': {
      const bad = body.findIndex((b) => b >= 0x80);
      if (bad >= 0) badByte(body, bad, start, encoding);
      text = latin1(body);
      break;
    }
    case 'ISO-8859-1':
      text = latin1(body);
      break;
    case 'UTF-16LE':
    case 'UTF-16BE':
    case 'GB18030':
      text = strictDecode(body, encoding);
      break;
  }
  // A BOM fixes the encoding; a declaration that names another one contradicts it.
  if (from.endsWith('BOM')) {
    const declared = readDeclaration(text)?.encoding;
    const label = declared === undefined || declared === null ? undefined : LABELS[declared.toLowerCase()];
    const family = encoding === 'UTF-8' ? ['UTF-8'] : ['UTF-16', encoding];
    if (declared && (label === undefined || !family.includes(label))) {
      fail(`${from} 与声明的编码 "${declared}" 矛盾 / the ${from} contradicts the declared encoding "${declared}"`, 1, 1);
    }
  }
  return { text, encoding };
}

/** TextDecoder with fatal errors; on failure, the first line that does not decode (a newline byte never sits
 * inside a multi-byte sequence of these encodings, so lines decode independently). */
function strictDecode(body: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE' | 'GB18030'): string {
  const label = encoding.toLowerCase();
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    if (encoding !== 'GB18030') fail(`字节不是有效的 ${encoding} / the bytes are not valid ${encoding}`, 1, 1);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i <= body.length; i++) {
      if (i < body.length && body[i] !== 0x0a) continue;
      try {
        new TextDecoder(label, { fatal: true }).decode(body.subarray(lineStart, i));
      } catch {
        fail(`第 ${line} 行的字节不是有效的 GB18030 / line ${line} is not valid GB18030`, line, 1);
      }
      lineStart = i + 1;
      line++;
    }
    return fail('字节不是有效的 GB18030 / the bytes are not valid GB18030', 1, 1);
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (no overlongs, surrogates or
 * code points past U+10FFFF), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= b.length) return i;
    let cp = c & (0x7f >> (n + 1));
    for (let k = 1; k <= n; k++) {
      const t = b[i + k]!;
      if ((t & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (t & 0x3f);
    }
    const min = n === 1 ? 0x80 : n === 2 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

function badByte(body: Uint8Array, offset: number, start: number, encoding: XmlEncoding): never {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (body[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = offset - lineStart + 1 + (line === 1 ? start : 0);
  const hex = body[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return fail(`第 ${line} 行第 ${column} 字节 0x${hex} 不是有效的 ${encoding} / byte 0x${hex} at ${line}:${column} is not valid ${encoding}`, line, column);
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function fail(message: string, line: number, column: number): never {
  throw new XmlReadFailure({ code: 'encoding', message, line, column });
}
