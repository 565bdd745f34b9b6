import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/ingest/parse-json';

describe('locateJsonError: where a JSON body first goes wrong', () => {
  const cases: Array<[string, number, string]> = [
    ['', 0, 'unexpected end of input, expected a value'],
    ['{', 1, "unexpected end of input, expected a string key or '}'"],
    ['{"a" 1}', 5, "unexpected '1', expected ':'"],
    ['{"a": 1,}', 8, "unexpected '}', expected a string key"],
    ['[1, 2', 5, "unexpected end of input, expected ',' or ']'"],
    ['[1 2]', 3, "unexpected '2', expected ',' or ']'"],
    ['{"a": tru}', 6, "unexpected 't', expected a value"],
    ['{"a": 01}', 7, "unexpected '1', expected ',' or '}'"],
    ['"abc', 0, 'unterminated string or invalid escape'],
    ['{} x', 3, "unexpected 'x', expected end of input"],
    ["{'a': 1}", 1, "unexpected ''', expected a string key or '}'"],
  ];
  for (const [text, offset, message] of cases) {
    it(`${JSON.stringify(text)} → offset ${offset}`, () => {
      expect(() => JSON.parse(text)).toThrow();
      expect(locateJsonError(text)).toEqual({ offset, message });
    });
  }
});
