/**
 * goQuote (src/k8s/field-error.ts, Go's strconv.Quote) decides its fast path by scanning char
 * codes (performance, issue 6). The boundary of that path: printable ASCII other than `"` and `\`
 * is copied as is; everything else goes rune by rune and prints as Go does.
 */
import { describe, expect, it } from 'vitest';
import { goQuote } from '../../src/k8s/field-error';

describe('goQuote', () => {
  it('copies printable ASCII other than " and \\ as is, at every position', () => {
    for (let c = 0x20; c <= 0x7e; c++) {
      if (c === 0x22 || c === 0x5c) continue;
      const ch = String.fromCharCode(c);
      expect(goQuote(ch)).toBe(`"${ch}"`);
      expect(goQuote(`NET_ADMIN${ch}x`)).toBe(`"NET_ADMIN${ch}x"`);
    }
    expect(goQuote('')).toBe('""');
  });

  it('escapes the ASCII just outside the fast path, wherever it sits in the string', () => {
    expect(goQuote('a"b')).toBe('"a\\"b"');
    expect(goQuote('a\\b')).toBe('"a\\\\b"');
    expect(goQuote('\x1f')).toBe('"\\x1f"');
    expect(goQuote('ab\x7f')).toBe('"ab\\x7f"');
    expect(goQuote('\x00x')).toBe('"\\x00x"');
    expect(goQuote('tab\there')).toBe('"tab\\there"');
  });

  it('prints non-ASCII as Go does: printable runes as is, others escaped', () => {
    expect(goQuote('café')).toBe('"café"');
    expect(goQuote('\u00a0')).toBe('"\\u00a0"');
    expect(goQuote('x\ud83d\ude00')).toBe('"x\ud83d\ude00"');
  });
});
