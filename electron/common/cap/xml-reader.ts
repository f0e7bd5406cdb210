// A small XML 1.0 + Namespaces reader for untrusted documents (CAP alerts arriving from outside). It never reads
// a DTD: a <!DOCTYPE> is refused outright, and so is every entity reference but the five predefined ones and
// character references. With nothing ever declared there is nothing to fetch (XXE) or expand (billion laughs).
// Sizes are capped before the work grows with them, and every refusal says where it is (line:column).
import { decodeXml, readDeclaration, type XmlEncoding } from './xml-decode.ts';
import { XmlReadFailure, type XmlError, type XmlErrorCode, type XmlLimitName } from './xml-error.ts';

export type { XmlError, XmlErrorCode, XmlLimitName } from './xml-error.ts';
export type { XmlEncoding } from './xml-decode.ts';

export interface XmlLimits {
  maxBytes: number;
  maxDepth: number;
  maxElements: number;
  /** Characters of text in one element, and of one attribute value. */
  maxTextLength: number;
  /** Attributes (namespace declarations included) on one element. */
  maxAttributes: number;
  maxNameLength: number;
}

/** Generous for CAP: the largest real alerts here are 39 KB, 573 elements, 6 deep, one embedding a 22 KB image. */
export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = {
  maxBytes: 1024 * 1024,
  maxDepth: 32,
  maxElements: 10_000,
  maxTextLength: 256 * 1024,
  maxAttributes: 64,
  maxNameLength: 256,
};

export interface XmlAttribute {
  /** As written, e.g. `xsi:schemaLocation`. */
  name: string;
  local: string;
  ns: string | null;
  value: string;
}

export interface XmlElement {
  /** As written, e.g. `cap:alert`. */
  name: string;
  local: string;
  /** The resolved namespace URI, null for none. */
  ns: string | null;
  /** Attributes other than namespace declarations. */
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** All character data directly inside (text and CDATA, references resolved), in order. */
  text: string;
  line: number;
  column: number;
}

export type XmlReadResult = { ok: true; root: XmlElement; encoding: XmlEncoding } | { ok: false; error: XmlError };

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F' +
  '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
// The XML name grammar includes combining marks (U+0300–U+036F) as name characters, which is what the rule flags.
// eslint-disable-next-line no-misleading-character-class
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
// eslint-disable-next-line no-misleading-character-class
const WHOLE_NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
/** XML 1.0 Char, after line ends are normalised (so no CR). */
const NOT_XML_CHAR = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const SPACE = /[ \t\n]+/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Reads a document; never throws (every problem, hostile or accidental, comes back as an error). */
export function readXml(bytes: Uint8Array, limits: Partial<XmlLimits> = {}): XmlReadResult {
  const caps = { ...DEFAULT_XML_LIMITS, ...limits };
  try {
    if (bytes.length > caps.maxBytes) {
      throw new XmlReadFailure({
        code: 'limit', limit: 'bytes', line: 1, column: 1,
        message: `文档 ${bytes.length} 字节,超过上限 ${caps.maxBytes} 字节 / document of ${bytes.length} bytes exceeds the cap of ${caps.maxBytes} bytes`,
      });
    }
    const { text, encoding } = decodeXml(bytes);
    return { ok: true, root: new Reader(text.replace(/\r\n?/g, '\n'), caps).document(), encoding };
  } catch (e) {
    if (e instanceof XmlReadFailure) return { ok: false, error: e.error };
    throw e;
  }
}

interface Frame {
  element: XmlElement;
  scope: ReadonlyMap<string, string>;
}

class Reader {
  private pos = 0;
  private elements = 0;
  private readonly lineStarts: number[] = [0];
  private readonly text: string;
  private readonly caps: XmlLimits;

  constructor(text: string, caps: XmlLimits) {
    this.text = text;
    this.caps = caps;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  document(): XmlElement {
    const { text } = this;
    const bad = NOT_XML_CHAR.exec(text);
    if (bad) {
      const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      this.fail('malformed', `字符 U+${cp} 不允许出现在 XML 中 / character U+${cp} is not allowed in XML`, bad.index);
    }
    this.pos = readDeclaration(text)?.end ?? 0;
    const stack: Frame[] = [];
    let root: XmlElement | null = null;
    const rootScope: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

    while (this.pos < text.length) {
      const at = this.pos;
      if (text[at] !== '<') {
        const lt = text.indexOf('<', at);
        const end = lt < 0 ? text.length : lt;
        this.characterData(text.slice(at, end), at, stack[stack.length - 1]);
        this.pos = end;
      } else if (text.startsWith('<!--', at)) {
        this.comment();
      } else if (text.startsWith('<![CDATA[', at)) {
        const top = stack[stack.length - 1];
        if (!top) this.fail('malformed', 'CDATA 段在根元素之外 / CDATA section outside the root element', at);
        const end = text.indexOf(']]>', at + 9);
        if (end < 0) this.fail('malformed', 'CDATA 段没有结束 / CDATA section is never closed', at);
        this.appendText(top, text.slice(at + 9, end), at);
        this.pos = end + 3;
      } else if (text.startsWith('<!', at)) {
        this.declaration(at);
      } else if (text.startsWith('<?', at)) {
        this.processingInstruction();
      } else if (text.startsWith('</', at)) {
        const frame = this.endTag(stack);
        if (stack.length === 0) root = frame.element;
      } else {
        if (root !== null && stack.length === 0) this.fail('malformed', '根元素之后还有元素 / an element after the root element', at);
        const parent = stack[stack.length - 1];
        const frame = this.startTag(parent?.scope ?? rootScope, stack.length + 1);
        if (parent) parent.element.children.push(frame.element);
        else root = frame.element;
        if (frame.open) stack.push(frame);
      }
    }
    const open = stack[stack.length - 1];
    if (open) {
      this.fail('malformed', `<${open.element.name}>(${open.element.line}:${open.element.column})没有闭合 / <${open.element.name}> opened at ${open.element.line}:${open.element.column} is never closed`, text.length);
    }
    if (root === null) this.fail('malformed', '文档没有根元素 / the document has no root element', text.length);
    return root;
  }

  private characterData(raw: string, at: number, top: Frame | undefined) {
    if (!top) {
      if (/^[ \t\n]*$/.test(raw)) return;
      this.fail('malformed', '根元素之外有文本 / text outside the root element', at + raw.search(/[^ \t\n]/));
    }
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd >= 0) this.fail('malformed', '文本中出现 "]]>" / "]]>" in text', at + cdataEnd);
    this.appendText(top, this.resolveReferences(raw, at), at);
  }

  private appendText(frame: Frame, piece: string, at: number) {
    frame.element.text += piece;
    if (frame.element.text.length > this.caps.maxTextLength) {
      this.limit('textLength', `<${frame.element.name}> 的文本超过上限 ${this.caps.maxTextLength} 字符 / text of <${frame.element.name}> exceeds the cap of ${this.caps.maxTextLength} characters`, at);
    }
  }

  private comment() {
    const at = this.pos;
    const dashes = this.text.indexOf('--', at + 4);
    if (dashes < 0) this.fail('malformed', '注释没有结束 / comment is never closed', at);
    if (this.text[dashes + 2] !== '>') this.fail('malformed', '注释中出现 "--" / "--" inside a comment', dashes);
    this.pos = dashes + 3;
  }

  /** `<!` that is neither a comment nor CDATA: DTD markup, refused with the reason it matters. */
  private declaration(at: number): never {
    const word = /^<!([A-Za-z]*)/.exec(this.text.slice(at, at + 12))?.[1] ?? '';
    if (word.toUpperCase() === 'DOCTYPE') {
      this.fail('doctype', '拒收含 <!DOCTYPE> 的文档:DTD 可声明实体(外部实体 XXE、十亿笑膨胀),CAP 不需要 DTD / <!DOCTYPE> refused: a DTD can declare entities (external entities: XXE; nested expansion: billion laughs) and CAP needs none', at);
    }
    if (word.toUpperCase() === 'ENTITY') {
      this.fail('entity-declaration', '拒收实体声明 <!ENTITY>:从不展开实体 / <!ENTITY> refused: entities are never declared or expanded', at);
    }
    return this.fail('malformed', `DTD 标记 <!${word}> 不允许出现 / DTD markup <!${word}> is not allowed`, at);
  }

  private processingInstruction() {
    const at = this.pos;
    this.pos += 2;
    const target = this.name('处理指令名', 'a processing instruction target');
    if (target.toLowerCase() === 'xml') {
      this.fail('malformed', 'XML 声明只能位于文档最开头 / the XML declaration must be at the very start of the document', at);
    }
    const end = this.text.indexOf('?>', this.pos);
    if (end < 0) this.fail('malformed', `处理指令 <?${target}> 没有结束 / processing instruction <?${target}> is never closed`, at);
    if (end > this.pos && !this.space()) this.fail('malformed', `处理指令 <?${target}> 的名称后需要空白 / white space expected after <?${target}`, this.pos);
    this.pos = end + 2;
  }

  private endTag(stack: Frame[]): Frame {
    const at = this.pos;
    this.pos += 2;
    const name = this.name('结束标签名', 'an end tag name');
    this.space();
    if (this.text[this.pos] !== '>') this.fail('malformed', `结束标签 </${name}> 缺少 ">" / end tag </${name}> lacks ">"`, this.pos);
    this.pos++;
    const frame = stack.pop();
    if (!frame) this.fail('malformed', `结束标签 </${name}> 没有对应的开始标签 / end tag </${name}> has no start tag`, at);
    const open = frame.element;
    if (open.name !== name) {
      this.fail('malformed', `</${name}> 不能闭合 <${open.name}>(${open.line}:${open.column}) / </${name}> does not close <${open.name}> opened at ${open.line}:${open.column}`, at);
    }
    return frame;
  }

  private startTag(parentScope: ReadonlyMap<string, string>, depth: number): Frame & { open: boolean } {
    const { text, caps } = this;
    const at = this.pos;
    this.pos++;
    const name = this.name('元素名', 'an element name');
    if (depth > caps.maxDepth) this.limit('depth', `<${name}> 的嵌套深度超过上限 ${caps.maxDepth} / <${name}> is nested deeper than the cap of ${caps.maxDepth}`, at);
    if (++this.elements > caps.maxElements) this.limit('elements', `元素个数超过上限 ${caps.maxElements} / more elements than the cap of ${caps.maxElements}`, at);

    const raw: Array<{ name: string; value: string; at: number }> = [];
    let open = true;
    for (;;) {
      const spaced = this.space();
      if (text.startsWith('/>', this.pos)) {
        this.pos += 2;
        open = false;
        break;
      }
      if (text[this.pos] === '>') {
        this.pos++;
        break;
      }
      if (this.pos >= text.length) this.fail('malformed', `开始标签 <${name}> 没有结束 / start tag <${name}> is never closed`, at);
      if (!spaced) this.fail('malformed', `<${name}> 的属性前需要空白 / white space expected before an attribute of <${name}>`, this.pos);
      raw.push(this.attribute(name));
      if (raw.length > caps.maxAttributes) this.limit('attributes', `<${name}> 的属性个数超过上限 ${caps.maxAttributes} / <${name}> has more attributes than the cap of ${caps.maxAttributes}`, at);
    }

    const scope = this.declareNamespaces(raw, parentScope);
    const [prefix, local] = this.split(name, at);
    const ns = prefix === null ? (scope.get('') ?? null) : this.lookup(prefix, scope, name, at);
    const attributes: XmlAttribute[] = [];
    const seen = new Set<string>();
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      const [p, l] = this.split(a.name, a.at);
      const attrNs = p === null ? null : this.lookup(p, scope, a.name, a.at);
      const key = `${attrNs ?? ''} ${l}`;
      if (seen.has(key)) this.fail('namespace', `<${name}> 的属性 ${a.name} 重复 / attribute ${a.name} of <${name}> is repeated`, a.at);
      seen.add(key);
      attributes.push({ name: a.name, local: l, ns: attrNs, value: a.value });
    }
    const { line, column } = this.where(at);
    return { element: { name, local, ns, attributes, children: [], text: '', line, column }, scope, open };
  }

  private attribute(element: string): { name: string; value: string; at: number } {
    const { text } = this;
    const at = this.pos;
    const name = this.name(`<${element}> 的属性名`, `an attribute name in <${element}>`);
    this.space();
    if (text[this.pos] !== '=') this.fail('malformed', `属性 ${name} 缺少 "=" / attribute ${name} lacks "="`, this.pos);
    this.pos++;
    this.space();
    const quote = text[this.pos];
    if (quote !== '"' && quote !== "'") this.fail('malformed', `属性 ${name} 的值需要引号 / the value of attribute ${name} must be quoted`, this.pos);
    const end = text.indexOf(quote, this.pos + 1);
    if (end < 0) this.fail('malformed', `属性 ${name} 的值没有结束 / the value of attribute ${name} is never closed`, this.pos);
    const rawValue = text.slice(this.pos + 1, end);
    const lt = rawValue.indexOf('<');
    if (lt >= 0) this.fail('malformed', `属性 ${name} 的值含 "<" / "<" in the value of attribute ${name}`, this.pos + 1 + lt);
    if (rawValue.length > this.caps.maxTextLength) {
      this.limit('textLength', `属性 ${name} 的值超过上限 ${this.caps.maxTextLength} 字符 / the value of attribute ${name} exceeds the cap of ${this.caps.maxTextLength} characters`, at);
    }
    // Attribute-value normalisation: literal white space becomes a space; white space from references stays.
    const value = this.resolveReferences(rawValue.replace(/[\t\n]/g, ' '), this.pos + 1);
    this.pos = end + 1;
    return { name, value, at };
  }

  private declareNamespaces(raw: ReadonlyArray<{ name: string; value: string; at: number }>, parent: ReadonlyMap<string, string>) {
    let scope: Map<string, string> | null = null;
    for (const a of raw) {
      const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : null;
      if (prefix === null) continue;
      if (prefix === 'xmlns' || (prefix === 'xml') !== (a.value === XML_NS) || a.value === XMLNS_NS) {
        this.fail('namespace', `不允许的命名空间声明 ${a.name}="${a.value}" / namespace declaration ${a.name}="${a.value}" is not allowed`, a.at);
      }
      if (prefix !== '' && a.value === '') this.fail('namespace', `前缀 ${prefix} 不能绑定到空命名空间 / prefix ${prefix} cannot be bound to an empty namespace`, a.at);
      scope ??= new Map(parent);
      if (prefix === '' && a.value === '') scope.delete('');
      else scope.set(prefix, a.value);
    }
    return scope ?? parent;
  }

  private split(qname: string, at: number): [string | null, string] {
    const colon = qname.indexOf(':');
    if (colon < 0) return [null, qname];
    if (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) >= 0) {
      this.fail('namespace', `${qname} 不是合法的限定名 / ${qname} is not a valid qualified name`, at);
    }
    return [qname.slice(0, colon), qname.slice(colon + 1)];
  }

  private lookup(prefix: string, scope: ReadonlyMap<string, string>, qname: string, at: number): string {
    const ns = scope.get(prefix);
    if (ns === undefined) this.fail('namespace', `${qname} 的前缀 ${prefix} 未声明 / prefix ${prefix} of ${qname} is not declared`, at);
    return ns;
  }

  /** Resolves the five predefined entities and character references; refuses every other reference. */
  private resolveReferences(raw: string, at: number): string {
    if (!raw.includes('&')) return raw;
    let out = '';
    let i = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', i)) {
      out += raw.slice(i, amp);
      const semi = raw.indexOf(';', amp);
      const body = semi < 0 || semi - amp > 64 ? null : raw.slice(amp + 1, semi);
      const where = at + amp;
      if (body === null || body === '') {
        this.fail('malformed', '"&" 后不是引用(字面 & 应写作 &amp;) / "&" does not start a reference (write &amp; for a literal &)', where);
      }
      if (body.startsWith('#')) {
        const digits = /^#x([0-9A-Fa-f]{1,6})$/.exec(body)?.[1];
        const decimal = /^#([0-9]{1,7})$/.exec(body)?.[1];
        const cp = digits !== undefined ? parseInt(digits, 16) : decimal !== undefined ? parseInt(decimal, 10) : NaN;
        if (!isXmlChar(cp)) this.fail('malformed', `字符引用 &${body}; 不是合法的 XML 字符 / character reference &${body}; is not a legal XML character`, where);
        out += String.fromCodePoint(cp);
      } else if (PREDEFINED[body] !== undefined) {
        out += PREDEFINED[body];
      } else if (WHOLE_NAME.test(body)) {
        this.fail('undefined-entity', `拒收实体引用 &${body};:只接受 &lt; &gt; &amp; &apos; &quot; 与字符引用,从不展开实体 / entity reference &${body}; refused: only the five predefined entities and character references are read, entities are never expanded`, where);
      } else {
        this.fail('malformed', `"&${body};" 不是合法的引用 / "&${body};" is not a valid reference`, where);
      }
      i = semi + 1;
    }
    return out + raw.slice(i);
  }

  private name(zh: string, en: string): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.text);
    if (!m) this.fail('malformed', `此处应为${zh} / ${en} expected here`, this.pos);
    if (m[0].length > this.caps.maxNameLength) {
      this.limit('nameLength', `名称长度 ${m[0].length} 超过上限 ${this.caps.maxNameLength} / a name of ${m[0].length} characters exceeds the cap of ${this.caps.maxNameLength}`, this.pos);
    }
    this.pos += m[0].length;
    return m[0];
  }

  /** Skips white space; true when there was some. */
  private space(): boolean {
    SPACE.lastIndex = this.pos;
    const m = SPACE.exec(this.text);
    if (!m) return false;
    this.pos += m[0].length;
    return true;
  }

  private where(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  private fail(code: XmlErrorCode, message: string, offset: number): never {
    const { line, column } = this.where(offset);
    throw new XmlReadFailure({ code, message: `${line}:${column} ${message}`, line, column });
  }

  private limit(limit: XmlLimitName, message: string, offset: number): never {
    const { line, column } = this.where(offset);
    throw new XmlReadFailure({ code: 'limit', limit, message: `${line}:${column} ${message}`, line, column });
  }
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}
