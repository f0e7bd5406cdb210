// The one error shape of the XML reader: a stable code, a bilingual message that names the problem, and where it
// is (1-based line and column; for an encoding error, the column counts bytes).

export type XmlErrorCode =
  | 'limit' // a size cap was hit (bytes, depth, elements, text length, attributes, name length)
  | 'encoding' // unsupported, contradictory or badly encoded bytes
  | 'doctype' // a <!DOCTYPE>: never read, because it can declare entities (XXE, billion laughs)
  | 'entity-declaration' // an <!ENTITY> (or other DTD markup) outside a DOCTYPE
  | 'undefined-entity' // an entity reference other than the five predefined ones
  | 'namespace' // unbound prefix or malformed qualified name
  | 'malformed'; // any other well-formedness error

/** Which cap a 'limit' error hit. */
export type XmlLimitName = 'bytes' | 'depth' | 'elements' | 'textLength' | 'attributes' | 'nameLength';

export interface XmlError {
  code: XmlErrorCode;
  limit?: XmlLimitName;
  message: string;
  line: number;
  column: number;
}

/** Thrown inside the reader only; readXml turns it into a result and never lets it escape. */
export class XmlReadFailure extends Error {
  readonly error: XmlError;
  constructor(error: XmlError) {
    super(error.message);
    this.error = error;
  }
}
