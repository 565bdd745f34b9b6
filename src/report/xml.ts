/**
 * XML 1.0 escaping for the JUnit report. Characters XML 1.0 cannot carry at all (most C0
 * controls, U+FFFE/U+FFFF, lone surrogates) are written as the text `\uXXXX`, so nothing is lost
 * and the document stays well-formed.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"'\t\n\r]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

function legal(s: string): string {
  return s.replace(NOT_XML, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function xmlText(s: string): string {
  return legal(s).replace(TEXT_SPECIAL, (ch) => ENTITY[ch]!);
}

/** For attribute values in double quotes; whitespace is kept as character references. */
export function xmlAttr(s: string): string {
  return legal(s).replace(ATTR_SPECIAL, (ch) => ENTITY[ch]!);
}

export function attrs(pairs: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  let out = '';
  for (const [k, v] of pairs) if (v !== undefined) out += ` ${k}="${xmlAttr(String(v))}"`;
  return out;
}
