/**
 * The browser side of GET /docs: loads /openapi.json and renders the reference with "Try it"
 * forms. Bundled by scripts/docs-page.mjs into the inline script of the page (the Worker never
 * imports this file).
 *
 * Every piece of document or response text reaches the page through createElement/textContent
 * (see `h`), never as markup: nothing a document or a response holds can become HTML.
 */
import { parseInline, parseMarkdown, safeHref, type Inline } from './markdown';
import {
  groupOperations,
  hasStructure,
  isObject,
  mediaExamples,
  parameterChoices,
  parameterDefault,
  resolve,
  schemaChildren,
  schemaFacts,
  schemaLabel,
  str,
  type Json,
  type JsonObject,
  type NamedExample,
  type OperationEntry,
  type TagGroup,
} from './openapi-view';
import { buildUrl, curlCommand, exampleText, mediaTypeEssence, prettyBody, type NameValue, type TryRequest } from './request';

// The few DOM APIs the page uses, typed here: the project compiles against Workers types, which
// have no DOM, and a global DOM lib would leak into the Worker code.
interface DomEvent {
  preventDefault(): void;
}
interface DomElement {
  id: string;
  textContent: string | null;
  hidden: boolean;
  append(...nodes: Array<DomElement | string>): void;
  replaceChildren(...nodes: Array<DomElement | string>): void;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, listener: (e: DomEvent) => void): void;
  scrollIntoView(): void;
}
interface Control extends DomElement {
  value: string;
  disabled: boolean;
}
interface Details extends DomElement {
  open: boolean;
}
declare const document: {
  createElement(tag: string): DomElement;
  getElementById(id: string): DomElement | null;
  title: string;
};
declare const location: { origin: string; hash: string };
declare const navigator: { clipboard?: { writeText(text: string): Promise<void> } };

const SPEC_URL = '/openapi.json';
const ID_UNSAFE = /[^A-Za-z0-9_-]+/g;

type Child = DomElement | string | undefined | false;

/** Creates an element; string children become text nodes, attribute values are set as attributes. */
function h(tag: string, attrs?: Record<string, string | undefined> | null, ...children: Child[]): DomElement {
  const el = document.createElement(tag);
  if (attrs) for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

/** Markdown-subset text as DOM: paragraphs, lists, code spans, and http(s) links only. */
function markdown(text: string | undefined, cls = 'md'): DomElement | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const root = h('div', { class: cls });
  for (const block of parseMarkdown(text)) {
    if (block.kind === 'paragraph') root.append(inlines(h('p'), block.inlines));
    else if (block.kind === 'list') root.append(h('ul', null, ...block.items.map((item) => inlines(h('li'), item))));
    // Headings inside a description sit below the page's own h1/h2/h3.
    else if (block.kind === 'heading') root.append(inlines(h(`h${Math.min(6, block.level + 2)}`), block.inlines));
    else
      root.append(
        h(
          'table',
          { class: 'md-table' },
          h('thead', null, h('tr', null, ...block.header.map((c) => inlines(h('th'), c)))),
          h('tbody', null, ...block.rows.map((r) => h('tr', null, ...r.map((c) => inlines(h('td'), c))))),
        ),
      );
  }
  return root;
}

function inlines(parent: DomElement, runs: Inline[]): DomElement {
  for (const run of runs) {
    if (run.kind === 'text') parent.append(run.text);
    else if (run.kind === 'code') parent.append(h('code', null, run.text));
    else parent.append(h('a', { href: run.href, rel: 'noopener noreferrer' }, run.text));
  }
  return parent;
}

async function main(): Promise<void> {
  const status = document.getElementById('status');
  const content = document.getElementById('content');
  const toc = document.getElementById('toc');
  if (!status || !content || !toc) return;
  let doc: JsonObject;
  try {
    const res = await fetch(SPEC_URL, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${SPEC_URL} answered ${res.status}`);
    const body: unknown = await res.json();
    if (!isObject(body)) throw new Error('the document is not a JSON object');
    doc = body;
  } catch (e) {
    status.textContent = `Could not load the API document: ${e instanceof Error ? e.message : String(e)}.`;
    return;
  }
  const groups = groupOperations(doc);
  renderIntro(doc);
  toc.replaceChildren(renderToc(groups));
  content.replaceChildren(...groups.map((g) => renderTag(doc, g)));
  status.textContent = `${groups.reduce((n, g) => n + g.operations.length, 0)} operations.`;
  status.hidden = true;
  // The sections exist only now, so the browser could not scroll to a deep link by itself.
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  target?.scrollIntoView();
}

function renderIntro(doc: JsonObject): void {
  const info = isObject(doc.info) ? doc.info : {};
  const title = str(info.title) ?? 'API';
  document.title = `${title} API reference`;
  const heading = document.getElementById('title');
  heading?.replaceChildren(`${title} API reference`, ' ', h('span', { class: 'version' }, str(info.version) ?? ''));
  const intro = document.getElementById('intro');
  if (!intro) return;
  const license = isObject(info.license) ? info.license : undefined;
  const licenseName = license ? str(license.name) : undefined;
  const licenseHref = license ? safeHref(str(license.url) ?? '') : undefined;
  intro.replaceChildren(
    ...[
      markdown(str(info.description)),
      h(
        'p',
        { class: 'meta' },
        `OpenAPI ${str(doc.openapi) ?? ''} · requests are sent to ${location.origin}`,
        licenseName !== undefined && ' · License: ',
        licenseName !== undefined && (licenseHref ? h('a', { href: licenseHref, rel: 'noopener noreferrer' }, licenseName) : licenseName),
      ),
    ].filter((n): n is DomElement => n !== undefined),
  );
}

function renderToc(groups: TagGroup[]): DomElement {
  return h(
    'ul',
    null,
    ...groups.map((g) =>
      h(
        'li',
        null,
        h('a', { href: `#tag-${slug(g.name)}`, class: 'toc-tag' }, g.name),
        h('ul', null, ...g.operations.map((op) => h('li', null, h('a', { href: `#${op.anchor}` }, methodBadge(op.method), ' ', op.path)))),
      ),
    ),
  );
}

function slug(s: string): string {
  return s.replace(ID_UNSAFE, '-');
}

function methodBadge(method: string): DomElement {
  return h('span', { class: `method m-${method}` }, method.toUpperCase());
}

function renderTag(doc: JsonObject, g: TagGroup): DomElement {
  const id = `tag-${slug(g.name)}`;
  return h(
    'section',
    { class: 'tag', id, 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, g.name),
    markdown(g.description),
    ...g.operations.map((op) => renderOperation(doc, op)),
  );
}

function renderOperation(doc: JsonObject, op: OperationEntry): DomElement {
  const o = op.operation;
  const headingId = `${op.anchor}-h`;
  const section = h(
    'section',
    { class: 'op', id: op.anchor, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, methodBadge(op.method), ' ', h('code', { class: 'path' }, op.path), str(o.summary) !== undefined && h('span', { class: 'summary' }, str(o.summary)!)),
    o.deprecated === true && h('p', { class: 'deprecated' }, 'Deprecated.'),
    markdown(str(o.description)),
    str(o.operationId) !== undefined && h('p', { class: 'meta' }, 'operationId: ', h('code', null, str(o.operationId)!)),
  );
  if (op.parameters.length > 0) section.append(h('h4', null, 'Parameters'), renderParameters(doc, op.parameters));
  const body = resolve(doc, o.requestBody).value;
  if (isObject(body)) section.append(h('h4', null, 'Request body', body.required === true ? ' (required)' : ''), ...renderContent(doc, body, 'request'));
  const responses = isObject(o.responses) ? o.responses : {};
  const statuses = Object.keys(responses);
  if (statuses.length > 0) section.append(h('h4', null, 'Responses'), h('div', { class: 'responses' }, ...statuses.map((s) => renderResponse(doc, s, responses[s]))));
  section.append(renderTryIt(doc, op, isObject(body) ? body : undefined));
  return section;
}

function renderParameters(doc: JsonObject, parameters: JsonObject[]): DomElement {
  return h(
    'table',
    { class: 'params' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'In'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Description'))),
    h(
      'tbody',
      null,
      ...parameters.map((p) => {
        const facts = schemaFacts(doc, p.schema);
        return h(
          'tr',
          null,
          h('td', null, h('code', null, str(p.name) ?? ''), p.required === true && h('span', { class: 'req', title: 'required' }, ' required')),
          h('td', null, str(p.in) ?? ''),
          h('td', null, h('span', { class: 'type' }, schemaLabel(doc, p.schema)), facts.length > 0 && h('span', { class: 'facts' }, ' ' + facts.join(' · '))),
          h('td', null, markdown(str(p.description) ?? str(isObject(p.schema) ? p.schema.description : undefined)) ?? ''),
        );
      }),
    ),
  );
}

function renderResponse(doc: JsonObject, status: string, raw: Json | undefined): DomElement {
  const r = resolve(doc, raw).value;
  const response = isObject(r) ? r : {};
  const cls = status.startsWith('2') ? 'ok' : status.startsWith('4') || status.startsWith('5') ? 'err' : 'other';
  const details = h(
    'details',
    { class: 'response' },
    h('summary', null, h('span', { class: `status s-${cls}` }, status), ' ', str(response.description) ?? ''),
  );
  details.append(...renderContent(doc, response, 'response'));
  return details;
}

/** Media types of a request body or response: each with its schema tree and examples. */
function renderContent(doc: JsonObject, holder: JsonObject, kind: 'request' | 'response'): DomElement[] {
  const out: DomElement[] = [];
  if (kind === 'request') {
    const d = markdown(str(holder.description));
    if (d) out.push(d);
  }
  const content = isObject(holder.content) ? holder.content : {};
  for (const [mediaType, media] of Object.entries(content)) {
    const m = isObject(media) ? media : {};
    const block = h('div', { class: 'media' }, h('p', { class: 'media-type' }, 'Media type: ', h('code', null, mediaType)));
    if (m.schema !== undefined) block.append(schemaTree(doc, m.schema));
    for (const ex of mediaExamples(doc, m)) {
      block.append(
        h('details', { class: 'example' }, h('summary', null, exampleTitle(ex)), h('pre', null, h('code', null, exampleText(ex.value)))),
      );
    }
    out.push(block);
  }
  return out;
}

function exampleTitle(ex: NamedExample): string {
  if (ex.summary !== undefined) return `Example: ${ex.summary}`;
  return ex.name === 'example' ? 'Example' : `Example: ${ex.name}`;
}

/** The root of a collapsible schema tree; the first level is open. */
function schemaTree(doc: JsonObject, schema: Json): DomElement {
  const root = schemaNode(doc, undefined, schema, false);
  if (isDetails(root)) root.open = true;
  return h('div', { class: 'schema', role: 'group', 'aria-label': 'Schema' }, root);
}

function isDetails(el: DomElement): el is Details {
  return 'open' in el;
}

function schemaNode(doc: JsonObject, name: string | undefined, schema: Json, required: boolean): DomElement {
  const resolved = resolve(doc, schema).value;
  const description = (isObject(schema) ? str(schema.description) : undefined) ?? (isObject(resolved) ? str(resolved.description) : undefined);
  const facts = schemaFacts(doc, schema);
  const line: Child[] = [
    name !== undefined && h('code', { class: 'prop' }, name),
    name !== undefined && ' ',
    h('span', { class: 'type' }, schemaLabel(doc, schema)),
    required && h('span', { class: 'req' }, ' required'),
    facts.length > 0 && h('span', { class: 'facts' }, ' · ' + facts.join(' · ')),
    description !== undefined && inlines(h('span', { class: 'desc' }, ' — '), parseInline(description.replace(/\s+/g, ' '))),
  ];
  if (!hasStructure(doc, schema)) return h('div', { class: 'leaf' }, ...line);
  const details = h('details', { class: 'node' }, h('summary', null, ...line)) as Details;
  const children = h('div', { class: 'children' });
  details.append(children);
  let filled = false;
  // Children are built on first open: cheap for big documents, and recursive schemas just work.
  const fill = (): void => {
    if (filled || !details.open) return;
    filled = true;
    children.append(...schemaChildren(doc, schema).map((c) => schemaNode(doc, c.name, c.schema, c.required)));
  };
  details.addEventListener('toggle', fill);
  return details;
}

let controlSeq = 0;
function controlId(anchor: string, what: string): string {
  return `${anchor}-${what.replace(ID_UNSAFE, '_')}-${++controlSeq}`;
}

function field(labelText: string, control: DomElement, id: string, hint?: string): DomElement {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hint !== undefined && h('span', { class: 'hint' }, hint));
}

function renderTryIt(doc: JsonObject, op: OperationEntry, body: JsonObject | undefined): DomElement {
  const details = h('details', { class: 'try' }, h('summary', null, 'Try it')) as Details;
  const form = h('form', { class: 'try-form', 'aria-label': `Try ${op.method.toUpperCase()} ${op.path}` });
  const inputs: Array<{ location: string; name: string; control: Control }> = [];

  for (const p of op.parameters) {
    const location = str(p.in) ?? '';
    const name = str(p.name) ?? '';
    if (location === 'cookie') continue;
    const choices = parameterChoices(doc, p);
    const initial = parameterDefault(doc, p);
    let control: Control;
    if (choices) {
      control = h('select') as Control;
      if (p.required !== true) control.append(h('option', { value: '' }, '(unset)'));
      for (const c of choices) control.append(h('option', c === initial ? { value: c, selected: '' } : { value: c }, c));
    } else {
      control = h('input', { type: 'text', value: initial, spellcheck: 'false', autocomplete: 'off' }) as Control;
    }
    if (p.required === true) control.setAttribute('required', '');
    inputs.push({ location, name, control });
    form.append(field(`${name} (${location})`, control, controlId(op.anchor, `${location}-${name}`), initial !== '' ? `default: ${initial}` : undefined));
  }

  // Request body: a media-type select and a textarea prefilled with that type's first example.
  const content = body && isObject(body.content) ? body.content : {};
  const mediaTypes = Object.keys(content);
  let contentType: Control | undefined;
  let textarea: Control | undefined;
  if (mediaTypes.length > 0) {
    contentType = h('select', null, ...mediaTypes.map((t) => h('option', { value: t }, t))) as Control;
    textarea = h('textarea', { rows: '14', spellcheck: 'false', autocomplete: 'off', class: 'body' }) as Control;
    const firstExample = (type: string): string => {
      const ex = mediaExamples(doc, content[type])[0];
      return ex === undefined ? '' : exampleText(ex.value);
    };
    let autofilled = firstExample(mediaTypes[0]!);
    textarea.value = autofilled;
    const ct = contentType;
    const ta = textarea;
    ct.addEventListener('change', () => {
      // Switch the example with the media type, unless the user has edited the body.
      if (ta.value === autofilled) ta.value = autofilled = firstExample(ct.value);
    });
    form.append(field('Content-Type', contentType, controlId(op.anchor, 'content-type')), field('Body', textarea, controlId(op.anchor, 'body')));
  }

  // Accept, when the operation answers in more than one media type.
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  const answerTypes = new Set<string>();
  for (const r of Object.values(responses)) {
    const resolved = resolve(doc, r).value;
    if (isObject(resolved) && isObject(resolved.content)) for (const t of Object.keys(resolved.content)) answerTypes.add(t);
  }
  let accept: Control | undefined;
  if (answerTypes.size > 1) {
    accept = h('select', null, h('option', { value: '' }, '(any)'), ...[...answerTypes].map((t) => h('option', { value: t }, t))) as Control;
    form.append(field('Accept', accept, controlId(op.anchor, 'accept')));
  }

  const send = h('button', { type: 'submit' }, 'Send') as Control;
  const copy = h('button', { type: 'button' }, 'Copy curl') as Control;
  const curl = h('code');
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  form.append(h('div', { class: 'actions' }, send, copy), h('p', { class: 'label' }, 'curl'), h('pre', { class: 'curl' }, curl), result);
  details.append(form);

  const request = (): TryRequest & { body?: string } => {
    const pick = (where: string): NameValue[] => inputs.filter((i) => i.location === where).map((i) => [i.name, i.control.value] as const);
    const headers = pick('header').filter(([, v]) => v !== '');
    if (accept && accept.value !== '') headers.push(['accept', accept.value]);
    const req: TryRequest & { body?: string } = { method: op.method, url: buildUrl(location.origin, op.path, pick('path'), pick('query')), headers };
    if (contentType && textarea) {
      req.contentType = contentType.value;
      req.body = textarea.value;
    }
    return req;
  };
  const refreshCurl = (): void => {
    curl.textContent = curlCommand(request());
  };
  form.addEventListener('input', refreshCurl);
  form.addEventListener('change', refreshCurl);
  refreshCurl();

  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(curl.textContent ?? '').then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    );
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void sendRequest(request(), send, result);
  });
  return details;
}

async function sendRequest(req: TryRequest & { body?: string }, button: Control, result: DomElement): Promise<void> {
  button.disabled = true;
  result.replaceChildren(h('p', null, 'Sending…'));
  const headers: Record<string, string> = {};
  for (const [name, value] of req.headers) headers[name] = value;
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  try {
    const init: RequestInit = { method: req.method.toUpperCase(), headers };
    if (req.body !== undefined && req.method !== 'get' && req.method !== 'head') init.body = req.body;
    const res = await fetch(req.url, init);
    const text = await res.text();
    const contentType = res.headers.get('content-type');
    const headerLines: string[] = [];
    res.headers.forEach((value, name) => headerLines.push(`${name}: ${value}`));
    const ok = res.status < 400;
    result.replaceChildren(
      h('p', { class: 'label' }, 'Status'),
      h('p', null, h('span', { class: `status s-${ok ? 'ok' : 'err'}` }, String(res.status)), ' ', res.statusText, contentType ? ` · ${mediaTypeEssence(contentType)}` : ''),
      h('p', { class: 'label' }, 'Headers'),
      h('pre', { class: 'headers' }, headerLines.join('\n')),
      h('p', { class: 'label' }, 'Body'),
      h('pre', { class: 'answer' }, h('code', null, prettyBody(text, contentType))),
    );
  } catch (e) {
    result.replaceChildren(h('p', { class: 'error' }, `The request failed: ${e instanceof Error ? e.message : String(e)}`));
  } finally {
    button.disabled = false;
  }
}

void main();
