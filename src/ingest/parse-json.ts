import { ingestError } from './errors';

/**
 * JSON.parse (own data properties only, so `__proto__` keys are harmless here). On a syntax
 * error the runtime's message differs between engines and rarely says where, so a small strict
 * scanner finds the first offending character and we report it in our own words with its line
 * and column.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { offset, message } = locateJsonError(text);
    const at = lineColumn(text, offset);
    throw ingestError('invalidJson', `the body is not valid JSON: ${message} at line ${at.line}, column ${at.column}`, [
      { path: '', message, ...at },
    ]);
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Walks the text as RFC 8259 JSON without building values (iteratively: the nesting pre-scan
 * already bounded depth, but a stack array costs nothing) and returns where it first goes wrong.
 */
export function locateJsonError(text: string): { offset: number; message: string } {
  let i = 0;
  const stack: Array<'{' | '['> = [];
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const found = () => (i >= text.length ? 'end of input' : `'${text[i]}'`);
  const fail = (expected: string) => ({ offset: Math.min(i, text.length), message: `unexpected ${found()}, expected ${expected}` });
  const string = (): boolean => {
    STRING_BODY.lastIndex = i + 1;
    if (!STRING_BODY.test(text)) return false;
    i = STRING_BODY.lastIndex;
    return true;
  };
  // Expecting a value at i.
  for (;;) {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (c === '{') {
        if (text[i] === '}') { stack.pop(); i++; }
        else {
          if (text[i] !== '"') return fail('a string key or \'}\'');
          if (!string()) return fail('a closing \'"\'');
          ws();
          if (text[i] !== ':') return fail("':'");
          i++;
          continue;
        }
      } else if (text[i] === ']') { stack.pop(); i++; }
      else continue;
    } else if (c === '"') {
      if (!string()) return { offset: i, message: 'unterminated string or invalid escape' };
    } else if (c !== undefined && (c === '-' || (c >= '0' && c <= '9'))) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return fail('a number');
      i = NUMBER.lastIndex;
    } else {
      const lit = LITERALS.find((l) => text.startsWith(l, i));
      if (!lit) return fail('a value');
      i += lit.length;
    }
    // After a value: close containers or take the next element.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < text.length ? fail('end of input') : { offset: text.length, message: 'invalid JSON' };
      }
      if (text[i] === ',') {
        i++;
        if (top === '{') {
          ws();
          if (text[i] !== '"') return fail('a string key');
          if (!string()) return fail('a closing \'"\'');
          ws();
          if (text[i] !== ':') return fail("':'");
          i++;
        }
        break;
      }
      if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
        stack.pop();
        i++;
        continue;
      }
      return fail(top === '{' ? "',' or '}'" : "',' or ']'");
    }
  }
}
