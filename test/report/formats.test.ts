import { describe, expect, it } from 'vitest';
import { negotiateFormat, oneLine, parseFailOn, xmlAttr, xmlText } from '../../src/report';

describe('format negotiation (RFC 9110 §12.5.1)', () => {
  it('issue 5: no Accept, or an empty one, is JSON', () => {
    expect(negotiateFormat(undefined, undefined)).toEqual({ format: 'json', contentType: 'application/json' });
    expect(negotiateFormat(undefined, ' ')).toEqual({ format: 'json', contentType: 'application/json' });
  });
  it('issue 5: the more specific range wins a tie in q', () => {
    expect(negotiateFormat(undefined, '*/*, text/plain')?.format).toBe('text');
    expect(negotiateFormat(undefined, 'application/*, application/sarif+json')?.format).toBe('sarif');
  });
  it('issue 5: q=0 excludes; media types are case-insensitive', () => {
    expect(negotiateFormat(undefined, 'text/plain;q=0')).toBeUndefined();
    expect(negotiateFormat(undefined, 'Application/SARIF+JSON')?.format).toBe('sarif');
  });
  it('issue 5: JUnit answers in the XML type asked for', () => {
    expect(negotiateFormat(undefined, 'text/xml')).toEqual({ format: 'junit', contentType: 'text/xml; charset=utf-8' });
    expect(negotiateFormat('junit', 'text/xml')).toEqual({ format: 'junit', contentType: 'application/xml; charset=utf-8' });
  });
});

describe('failOn parsing', () => {
  it('issue 5: deduplicated, in table order', () => {
    expect(parseFailOn('deny,high,deny')).toEqual(['high', 'deny']);
    expect(parseFailOn(undefined)).toEqual([]);
  });
  it('issue 5: unknown conditions throw', () => {
    expect(() => parseFailOn('critical')).toThrow('unknown failOn condition "critical"; valid: fail, high, medium, low, deny, pss');
  });
});

describe('escaping', () => {
  it('issue 5: XML text and attributes', () => {
    expect(xmlText('a<b>&c"\'\r')).toBe('a&lt;b&gt;&amp;c"\'&#13;');
    expect(xmlAttr('a<b>&c"\'\t\n')).toBe('a&lt;b&gt;&amp;c&quot;&apos;&#9;&#10;');
  });
  it('issue 5: characters XML 1.0 cannot carry become \\uXXXX text', () => {
    expect(xmlText('\u0000\u001b\ud800x\uffff')).toBe('\\u0000\\u001b\\ud800x\\uffff');
    expect(xmlText('\ud83d\ude00')).toBe('\ud83d\ude00');
  });
  it('issue 5: text lines stay single lines', () => {
    expect(oneLine('a\nb\r\tc\u0007\u2028')).toBe('a\\nb\\r\\tc\\u0007\\u2028');
  });
});
