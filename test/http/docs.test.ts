import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/http';
import { parseInline, parseMarkdown, safeHref } from '../../src/http/docs-page/markdown';
import { buildUrl, bodyFileName, curlCommand, exampleText, prettyBody, shellQuote } from '../../src/http/docs-page/request';
import {
  groupOperations,
  hasStructure,
  mediaExamples,
  operationAnchor,
  parameterChoices,
  parameterDefault,
  resolve,
  schemaChildren,
  schemaFacts,
  schemaLabel,
  type JsonObject,
} from '../../src/http/docs-page/openapi-view';

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return btoa(binary);
}

function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))].map((m) => m[1]!);
}

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

// The first request loads the whole Worker (several seconds in workerd under vitest); do it
// once here, with room, rather than in whichever test runs first.
beforeAll(async () => {
  await api('/healthz');
}, 60_000);

describe('GET /docs: the page and its headers', () => {
  it('answers 200 text/html with nosniff and no-referrer', async () => {
    const res = await api('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('sends the strict CSP whose script and style hashes are those of the served inline script and style', async () => {
    const res = await api('/docs');
    const html = await res.text();
    const scripts = inlineBlocks(html, 'script');
    const styles = inlineBlocks(html, 'style');
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(res.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src 'sha256-${await sha256Base64(scripts[0]!)}'; style-src 'sha256-${await sha256Base64(styles[0]!)}'; ` +
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('has no inline event handlers or style attributes the CSP would block', async () => {
    const html = await (await api('/docs')).text();
    const markup = html.replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
    expect(markup).not.toMatch(/\son[a-z]+\s*=/i);
    expect(markup).not.toMatch(/\sstyle\s*=/i);
  });

  it('references /openapi.json and fetches it from the inline script', async () => {
    const html = await (await api('/docs')).text();
    expect(html).toContain('<a href="/openapi.json">/openapi.json</a>');
    expect(inlineBlocks(html, 'script')[0]).toContain('"/openapi.json"');
  });

  it('contains no external URL in any src or href attribute', async () => {
    const html = await (await api('/docs')).text();
    const markup = html.replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
    const urls = [...markup.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(urls).toEqual(['data:,', '#content', '/openapi.json', '/openapi.json', '/openapi.json']);
    expect(markup).not.toMatch(/\ssrc\s*=/i);
  });

  it('stays well under the 12 KiB gzip budget', async () => {
    const html = await (await api('/docs')).text();
    expect(await gzipSize(html)).toBeLessThan(12 * 1024);
  });

  it('is the same page for HEAD, without a body', async () => {
    const res = await api('/docs', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('GET /docs/ redirects to /docs', async () => {
    const res = await api('/docs/', { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/docs');
  });

  it('is not an operation of the OpenAPI document it renders', async () => {
    const doc = (await (await api('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain('/docs');
    expect(Object.keys(doc.paths)).not.toContain('/docs/');
  });
});

describe('docs page: Markdown subset (markdown.ts)', () => {
  it('reads headings and pipe tables (the limits table of the API description)', () => {
    expect(parseMarkdown('## Limits\n\nText.\n\n| Variable | Default |\n|---|---|\n| `PODSEC_MAX_DEPTH` | 64 |\n| a \\| b | 1 |')).toEqual([
      { kind: 'heading', level: 2, inlines: [{ kind: 'text', text: 'Limits' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Text.' }] },
      {
        kind: 'table',
        header: [[{ kind: 'text', text: 'Variable' }], [{ kind: 'text', text: 'Default' }]],
        rows: [
          [[{ kind: 'code', text: 'PODSEC_MAX_DEPTH' }], [{ kind: 'text', text: '64' }]],
          [[{ kind: 'text', text: 'a | b' }], [{ kind: 'text', text: '1' }]],
        ],
      },
    ]);
  });

  it('joins soft-wrapped lines and splits paragraphs at blank lines', () => {
    expect(parseMarkdown('one\ntwo\n\n  three  \n')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'one two' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'three' }] },
    ]);
  });

  it('renders `code` spans and http(s) links as runs, keeping the text around them', () => {
    expect(parseInline('Use `GET /healthz`, see [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) or https://kubernetes.io/docs.')).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'code', text: 'GET /healthz' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'RFC 9457', href: 'https://www.rfc-editor.org/rfc/rfc9457' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'https://kubernetes.io/docs', href: 'https://kubernetes.io/docs' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps only the label of a link that is not http(s)', () => {
    expect(parseInline('[click](javascript:alert(1)) [x](data:text/html,hi) [y](/relative)')).toEqual([
      { kind: 'text', text: '[click](javascript:alert(1)) x y' },
    ]);
    expect(parseInline('[click](javascript:alert%281%29)')).toEqual([{ kind: 'text', text: 'click' }]);
  });

  it('leaves markup as text: a description cannot become HTML', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> & <b>bold</b>')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<img src=x onerror=alert(1)> & <b>bold</b>' }] },
    ]);
  });

  it('does not look for links inside code spans', () => {
    expect(parseInline('`[a](https://x.test)`')).toEqual([{ kind: 'code', text: '[a](https://x.test)' }]);
  });

  it('reads bullet lists, with indented continuation lines', () => {
    expect(parseMarkdown('Levels:\n- `privileged`: anything\n- `baseline`: known\n  escalations\n* `restricted`')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Levels:' }] },
      {
        kind: 'list',
        items: [
          [{ kind: 'code', text: 'privileged' }, { kind: 'text', text: ': anything' }],
          [{ kind: 'code', text: 'baseline' }, { kind: 'text', text: ': known escalations' }],
          [{ kind: 'code', text: 'restricted' }],
        ],
      },
    ]);
  });

  it('safeHref accepts absolute http(s) URLs only', () => {
    expect(safeHref('https://www.apache.org/licenses/LICENSE-2.0')).toBe('https://www.apache.org/licenses/LICENSE-2.0');
    expect(safeHref('HTTP://Example.test/a b')).toBeUndefined();
    expect(safeHref('http://example.test')).toBe('http://example.test/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('//evil.test/x')).toBeUndefined();
    expect(safeHref('/openapi.json')).toBeUndefined();
    expect(safeHref(' https://x.test')).toBeUndefined();
  });
});

describe('docs page: Try it requests (request.ts)', () => {
  it('builds the curl command for a YAML body', () => {
    expect(
      curlCommand({ method: 'post', url: 'http://127.0.0.1:8787/v1/findings?benchmark=cis-1.8', headers: [], contentType: 'application/yaml' }),
    ).toBe("curl -sS -X POST 'http://127.0.0.1:8787/v1/findings?benchmark=cis-1.8' -H 'content-type: application/yaml' --data-binary @file.yaml");
  });

  it('builds the curl command for a GET with headers, quoting single quotes for the shell', () => {
    expect(curlCommand({ method: 'get', url: "http://h.test/x?q=it's", headers: [['accept', 'application/json']] })).toBe(
      "curl -sS 'http://h.test/x?q=it'\\''s' -H 'accept: application/json'",
    );
    expect(shellQuote("a'b")).toBe("'a'\\''b'");
  });

  it('names the body file after the media type', () => {
    expect(bodyFileName('application/json')).toBe('file.json');
    expect(bodyFileName('application/merge-patch+json; charset=utf-8')).toBe('file.json');
    expect(bodyFileName('application/yaml')).toBe('file.yaml');
    expect(bodyFileName('application/x-yaml')).toBe('file.yaml');
    expect(bodyFileName('text/plain')).toBe('file.txt');
  });

  it('fills path templates and leaves unset query parameters out', () => {
    expect(buildUrl('http://h.test', '/v1/benchmarks/{name}', [['name', 'cis 1.8/x']], [['a', '1'], ['b', ''], ['c', 'x&y']])).toBe(
      'http://h.test/v1/benchmarks/cis%201.8%2Fx?a=1&c=x%26y',
    );
    expect(buildUrl('http://h.test', '/healthz', [], [['a', '']])).toBe('http://h.test/healthz');
  });

  it('pretty-prints JSON answers (problem+json too) and leaves the rest as received', () => {
    expect(prettyBody('{"a":[1,{"b":null}]}', 'application/json; charset=utf-8')).toBe('{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}');
    expect(prettyBody('{"status":400}', 'application/problem+json')).toBe('{\n  "status": 400\n}');
    expect(prettyBody('{not json', 'application/json')).toBe('{not json');
    expect(prettyBody('{"a":1}', 'text/plain')).toBe('{"a":1}');
    expect(prettyBody('x', null)).toBe('x');
  });

  it('prefills bodies with examples: strings verbatim, values as JSON', () => {
    expect(exampleText('kind: Pod\n')).toBe('kind: Pod\n');
    expect(exampleText({ kind: 'Pod' })).toBe('{\n  "kind": "Pod"\n}');
  });
});

describe('docs page: reading the OpenAPI document (openapi-view.ts)', () => {
  const doc: JsonObject = {
    openapi: '3.1.0',
    tags: [{ name: 'Service', description: 'Health.' }, { name: 'Empty' }, { name: 'CIS' }],
    components: {
      schemas: {
        Problem: { type: 'object', description: 'A problem.', properties: { status: { type: 'integer', minimum: 400 }, errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } } }, required: ['status'] },
        FieldError: { type: 'object', properties: { path: { type: 'string' } } },
        Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
        Loop: { type: 'array', items: { $ref: '#/components/schemas/Loop' } },
        'a/b': { type: 'string' },
      },
      parameters: { Level: { name: 'level', in: 'query', schema: { type: 'string', enum: ['baseline', 'restricted'], default: 'restricted' } } },
      examples: { Pod: { summary: 'A pod', value: 'kind: Pod\n' } },
    },
    paths: {
      '/v1/findings': {
        parameters: [{ name: 'x', in: 'query', schema: { type: 'string' } }],
        post: {
          tags: ['CIS'],
          operationId: 'postFindings',
          parameters: [{ $ref: '#/components/parameters/Level' }, { name: 'x', in: 'query', description: 'own', schema: { type: 'boolean' } }],
          requestBody: { content: { 'application/yaml': { examples: { pod: { $ref: '#/components/examples/Pod' } } } } },
          responses: { '400': { description: 'Bad', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
        },
        get: { tags: ['Other'], responses: {} },
      },
      '/healthz': { get: { tags: ['Service'], operationId: 'getHealth', responses: {} } },
      '/untagged': { delete: { responses: {} } },
    },
  };

  it('groups operations by tag: declared tags in order, then new tags, then untagged; empty tags left out', () => {
    const groups = groupOperations(doc);
    expect(groups.map((g) => [g.name, g.description, g.operations.map((o) => `${o.method} ${o.path} #${o.anchor}`)])).toEqual([
      ['Service', 'Health.', ['get /healthz #op-getHealth']],
      ['CIS', undefined, ['post /v1/findings #op-postFindings']],
      ['Other', undefined, ['get /v1/findings #op-get-v1-findings']],
      ['default', undefined, ['delete /untagged #op-delete-untagged']],
    ]);
  });

  it('merges path-item and operation parameters, the operation winning, references resolved', () => {
    const post = groupOperations(doc)[1]!.operations[0]!;
    expect(post.parameters).toEqual([
      { name: 'level', in: 'query', schema: { type: 'string', enum: ['baseline', 'restricted'], default: 'restricted' } },
      { name: 'x', in: 'query', description: 'own', schema: { type: 'boolean' } },
    ]);
    expect(parameterChoices(doc, post.parameters[0]!)).toEqual(['baseline', 'restricted']);
    expect(parameterDefault(doc, post.parameters[0]!)).toBe('restricted');
    expect(parameterChoices(doc, post.parameters[1]!)).toEqual(['true', 'false']);
    expect(parameterChoices(doc, { name: 'q', in: 'query', schema: { anyOf: [{ const: 'a' }, { enum: ['b', 'c'] }] } })).toEqual(['a', 'b', 'c']);
    expect(parameterChoices(doc, { name: 'q', in: 'query', schema: { type: 'string' } })).toBeUndefined();
  });

  it('resolves local $refs, with ~1 escapes, and gives undefined for dangling or remote ones', () => {
    expect(resolve(doc, { $ref: '#/components/schemas/a~1b' })).toEqual({ value: { type: 'string' }, refName: 'a/b' });
    expect(resolve(doc, { $ref: '#/components/schemas/Nope' })).toEqual({ value: undefined, refName: 'Nope' });
    expect(resolve(doc, { $ref: 'https://x.test/s.json#/A' })).toEqual({ value: undefined, refName: 'A' });
    expect(resolve(doc, { $ref: '#/components/schemas/constructor' }).value).toBeUndefined();
  });

  it('labels schemas with one-line types', () => {
    expect(schemaLabel(doc, { $ref: '#/components/schemas/Problem' })).toBe('Problem');
    expect(schemaLabel(doc, { type: 'array', items: { $ref: '#/components/schemas/FieldError' } })).toBe('array<FieldError>');
    expect(schemaLabel(doc, { type: ['string', 'null'] })).toBe('string | null');
    expect(schemaLabel(doc, { anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(schemaLabel(doc, { const: 'ok' })).toBe('"ok"');
    expect(schemaLabel(doc, { type: 'object', additionalProperties: { type: 'integer' } })).toBe('map<string, integer>');
    expect(schemaLabel(doc, {})).toBe('any');
    expect(schemaFacts(doc, { type: 'integer', format: 'int32', minimum: 1, default: 3, enum: [1, 3] })).toEqual(['format: int32', 'one of: 1, 3', 'default: 3', '≥ 1']);
    expect(schemaFacts(doc, { enum: Array.from({ length: 14 }, (_, i) => i) })).toEqual(['one of: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … (14 values)']);
  });

  it('lists one level of schema children; self-referencing schemas stay finite', () => {
    expect(schemaChildren(doc, { $ref: '#/components/schemas/Problem' }).map((c) => [c.name, c.required])).toEqual([
      ['status', true],
      ['errors', false],
    ]);
    expect(schemaChildren(doc, { type: 'array', items: { $ref: '#/components/schemas/FieldError' } }).map((c) => c.name)).toEqual(['[]']);
    expect(hasStructure(doc, { $ref: '#/components/schemas/Tree' })).toBe(true);
    expect(hasStructure(doc, { $ref: '#/components/schemas/Loop' })).toBe(false);
    expect(hasStructure(doc, { type: 'string' })).toBe(false);
  });

  it('finds examples of a media type: example, then examples (refs resolved), then the schema example', () => {
    expect(mediaExamples(doc, { examples: { pod: { $ref: '#/components/examples/Pod' }, ext: { externalValue: 'https://x.test' } } })).toEqual([
      { name: 'pod', summary: 'A pod', value: 'kind: Pod\n' },
    ]);
    expect(mediaExamples(doc, { example: { a: 1 }, schema: { example: 'no' } })).toEqual([{ name: 'example', value: { a: 1 } }]);
    expect(mediaExamples(doc, { schema: { examples: ['s'] } })).toEqual([{ name: 'schema example', value: 's' }]);
  });

  it('makes fragment ids safe', () => {
    expect(operationAnchor('post', '/v1/x/{name}', undefined)).toBe('op-post-v1-x-name');
    expect(operationAnchor('get', '/', 'get"><x')).toBe('op-get-x');
  });

  it('every operation and $ref of the served /openapi.json can be read', async () => {
    const served = (await (await api('/openapi.json')).json()) as JsonObject;
    const groups = groupOperations(served);
    expect(groups.length).toBeGreaterThan(0);
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) k === '$ref' && typeof x === 'string' ? refs.push(x) : walk(x);
    };
    walk(served);
    for (const ref of refs) expect(resolve(served, { $ref: ref }).value, ref).toBeDefined();
  });
});
