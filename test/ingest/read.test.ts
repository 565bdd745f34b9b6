import { describe, expect, it } from 'vitest';
import { IngestError, readManifests, readObject } from '../../src/ingest';
import { ingestErrorOf, pod } from './helpers';

const CONTAINER = '  containers:\n  - name: c\n';
const POD_JSON = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };

describe('bodies and documents (issue "Reading manifests")', () => {
  it('JSON: one object, an array, a List and a PodList', () => {
    expect(readManifests(JSON.stringify(POD_JSON), 'json').pods[0]!.ref).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: null,
      name: 'p',
    });
    const arr = readManifests(JSON.stringify([POD_JSON, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }]), 'json');
    expect(arr.objects.map((o) => [o.ref.document, o.ref.kind, o.category])).toEqual([
      [0, 'Pod', 'pod'],
      [1, 'Service', 'skipped'],
    ]);
    for (const kind of ['List', 'PodList']) {
      const list = readManifests(JSON.stringify({ apiVersion: 'v1', kind, items: [POD_JSON, POD_JSON] }), 'json');
      expect(list.pods.map((p) => p.ref.item)).toEqual([0, 1]);
    }
  });

  it('a JSON scalar body is a 400; JSON syntax errors carry line and column', () => {
    expect(ingestErrorOf('42', 'json').errors).toEqual([{ path: '', message: 'expected object or array, got number' }]);
    const e = ingestErrorOf('{\n  "a": 1,\n  oops\n}', 'json');
    expect(e.status).toBe(400);
    expect(e.title).toBe('Invalid JSON');
    expect(e.errors[0]).toMatchObject({ path: '', line: 3, column: 3 });
  });

  it('YAML: leading `---`, comments, empty and comment-only documents, document index and first line', () => {
    const text = '---\n# only a comment\n---\n\n# head\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n' + CONTAINER + '---\n---\nkind: Service\n...\n';
    const m = readManifests(text, 'yaml');
    expect(m.objects).toEqual([
      { ref: { apiVersion: 'v1', kind: 'Pod', namespace: null, name: 'a', document: 1, line: 6 }, category: 'pod' },
      { ref: { apiVersion: null, kind: 'Service', namespace: null, name: null, document: 3, line: 14 }, category: 'skipped' },
    ]);
    expect(m.skipped[0]!.reason).toBe('object has no apiVersion');
  });

  it('YAML with CRLF line ends and a UTF-8 BOM', () => {
    const text = '\ufeffapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: crlf\r\nspec:\r\n  hostPID: yes\r\n  containers:\r\n  - name: c\r\n';
    const m = readManifests(text, 'yaml');
    expect(m.pods[0]!.ref).toEqual({ apiVersion: 'v1', kind: 'Pod', namespace: null, name: 'crlf', document: 0, line: 1 });
    expect(m.pods[0]!.template.spec.hostPID).toBe(true);
  });

  it('YAML List items carry document, item index and the item line', () => {
    const text = 'kind: Service\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers: [{name: c}]\n- null\n- kind: ConfigMap\n  apiVersion: v1\n';
    const m = readManifests(text, 'yaml');
    expect(m.objects.map((o) => o.ref)).toEqual([
      { apiVersion: null, kind: 'Service', namespace: null, name: null, document: 0, line: 1 },
      { apiVersion: 'v1', kind: 'Pod', namespace: null, name: 'a', document: 1, line: 6, item: 0 },
      { apiVersion: null, kind: null, namespace: null, name: null, document: 1, line: 11, item: 1 },
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: null, name: null, document: 1, line: 12, item: 2 },
    ]);
    expect(m.skipped.map((s) => s.reason)).toEqual([
      'object has no apiVersion',
      'list item is null',
      'kind ConfigMap has no pod spec to evaluate',
    ]);
  });

  it('a scalar or sequence document is skipped with a reason', () => {
    const m = readManifests('just text\n---\n- a\n- b\n', 'yaml');
    expect(m.skipped.map((s) => [s.ref.document, s.reason])).toEqual([
      [0, 'document is not a mapping'],
      [1, 'document is not a mapping'],
    ]);
  });
});

describe('pod-bearing kinds (cis-5.2 §4.1) and policies (psp-admission §1)', () => {
  const template = 'metadata:\n  annotations: {a: b}\nspec:\n  containers:\n  - name: c\n';
  const indent = (s: string, n: number) => s.replace(/^/gm, ' '.repeat(n));
  const cases: Array<[string, string, string]> = [
    ['v1', 'PodTemplate', 'template'],
    ['v1', 'ReplicationController', 'spec.template'],
    ['extensions/v1beta1', 'ReplicaSet', 'spec.template'],
    ['apps/v1', 'ReplicaSet', 'spec.template'],
    ['extensions/v1beta1', 'Deployment', 'spec.template'],
    ['apps/v1beta1', 'Deployment', 'spec.template'],
    ['apps/v1beta2', 'Deployment', 'spec.template'],
    ['apps/v1', 'Deployment', 'spec.template'],
    ['extensions/v1beta1', 'DaemonSet', 'spec.template'],
    ['apps/v1', 'DaemonSet', 'spec.template'],
    ['apps/v1beta1', 'StatefulSet', 'spec.template'],
    ['apps/v1', 'StatefulSet', 'spec.template'],
    ['batch/v1', 'Job', 'spec.template'],
    ['batch/v2alpha1', 'CronJob', 'spec.jobTemplate.spec.template'],
    ['batch/v1beta1', 'CronJob', 'spec.jobTemplate.spec.template'],
    ['batch/v1', 'CronJob', 'spec.jobTemplate.spec.template'],
  ];
  it.each(cases)('§4.1 %s %s: template at %s, named by its own metadata', (apiVersion, kind, path) => {
    const segments = path.split('.');
    let body = template;
    for (let i = segments.length - 1; i >= 0; i--) body = `${segments[i]}:\n${indent(body, 2)}`;
    const m = readManifests(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\n  namespace: ns\n${body}`, 'yaml');
    expect(m.pods).toHaveLength(1);
    const p = m.pods[0]!;
    expect([p.kind, p.isPod, p.templatePath, p.ref.name, p.ref.namespace]).toEqual([kind, false, path, 'w', 'ns']);
    expect(p.template.metadata.annotations).toEqual({ a: 'b' });
    expect(p.template.spec.containers).toEqual([{ name: 'c' }]);
  });

  it('§4.1 a Pod is its own template', () => {
    const p = readManifests(pod(CONTAINER), 'yaml').pods[0]!;
    expect([p.isPod, p.templatePath, p.template.metadata]).toEqual([true, '', { name: 'p' }]);
  });

  it('§4.1 a ReplicationController without a template is skipped with a reason', () => {
    const m = readManifests('apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  replicas: 1\n', 'yaml');
    expect(m.skipped).toEqual([
      {
        ref: { apiVersion: 'v1', kind: 'ReplicationController', namespace: null, name: 'rc', document: 0, line: 1 },
        reason: 'ReplicationController has no spec.template',
      },
    ]);
  });

  it('§4.1 other kinds, foreign groups and PetSet are skipped, not errors', () => {
    const m = readManifests(
      'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\n---\napiVersion: example.com/v1\nkind: Deployment\n---\napiVersion: apps/v1alpha1\nkind: PetSet\n---\napiVersion: policy/v1\nkind: PodSecurityPolicy\n',
      'yaml',
    );
    expect(m.skipped.map((s) => s.reason)).toEqual([
      'kind DeploymentConfig has no pod spec to evaluate',
      'Deployment in example.com/v1 is not the Kubernetes Deployment',
      'kind PetSet has no pod spec to evaluate',
      'PodSecurityPolicy is read from policy/v1beta1 and extensions/v1beta1, not policy/v1',
    ]);
  });

  it('psp §1 PodSecurityPolicy in policy/v1beta1 and extensions/v1beta1; Go value fields get zero values', () => {
    const m = readManifests(
      'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: a}\nspec:\n  runAsUser: {ranges: [{min: 1}]}\n  hostPorts: [{max: 80}]\n---\napiVersion: extensions/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: b}\n',
      'yaml',
    );
    expect(m.policies.map((p) => [p.ref.name, p.policy.spec])).toEqual([
      ['a', { runAsUser: { rule: '', ranges: [{ min: 1, max: 0 }] }, hostPorts: [{ max: 80, min: 0 }] }],
      ['b', {}],
    ]);
  });
});

describe('wrong types are a 422 naming every field path (issue "Bad input", cis-5.2 §4.3)', () => {
  it('§4.3 collects all errors with paths, documents and YAML lines', () => {
    const text = [
      'kind: Service',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: d}',
      'spec:',
      '  template:',
      '    spec:',
      '      hostNetwork: "1"',
      '      securityContext:',
      '        runAsUser: "0"',
      '        supplementalGroups: [1, 2.5]',
      '      containers:',
      '      - name: a',
      '        securityContext:',
      '          privileged: "true"',
      '          capabilities: {add: NET_RAW}',
      '        ports:',
      '        - hostPort: 1.5',
      '        - containerPort: 3000000000',
      '      - image: nameless',
      '      initContainers: {}',
    ].join('\n');
    const e = ingestErrorOf(text);
    expect(e.status).toBe(422);
    expect(e.title).toBe('Invalid object');
    expect(e.detail).toBe('expected boolean, got string "1" at spec.template.spec.hostNetwork (and 8 more)');
    const p = 'spec.template.spec';
    expect(e.errors).toEqual([
      { path: `${p}.hostNetwork`, message: 'expected boolean, got string "1"', document: 1, line: 9, column: 20 },
      { path: `${p}.securityContext.runAsUser`, message: 'expected integer, got string "0"', document: 1, line: 11, column: 20 },
      { path: `${p}.securityContext.supplementalGroups[1]`, message: 'expected integer, got number 2.5', document: 1, line: 12, column: 33 },
      { path: `${p}.containers[0].securityContext.privileged`, message: 'expected boolean, got string "true"', document: 1, line: 16, column: 23 },
      { path: `${p}.containers[0].securityContext.capabilities.add`, message: 'expected array, got string "NET_RAW"', document: 1, line: 17, column: 31 },
      { path: `${p}.containers[0].ports[0].hostPort`, message: 'expected integer, got number 1.5', document: 1, line: 19, column: 21 },
      {
        path: `${p}.containers[0].ports[1].containerPort`,
        message: 'expected integer within int32 range [-2147483648, 2147483647], got number 3000000000',
        document: 1,
        line: 20,
        column: 26,
      },
      { path: `${p}.containers[1].name`, message: 'Required value', document: 1, line: 21, column: 9 },
      { path: `${p}.initContainers`, message: 'expected array, got object', document: 1, line: 22, column: 23 },
    ]);
  });

  it('§4.3 `containers: {}` and a number as container name', () => {
    expect(ingestErrorOf(pod('  containers: {}\n')).errors).toEqual([
      { path: 'spec.containers', message: 'expected array, got object', document: 0, line: 6, column: 15 },
    ]);
    expect(ingestErrorOf(pod('  containers:\n  - name: 5\n')).errors).toEqual([
      { path: 'spec.containers[0].name', message: 'expected string, got number 5', document: 0, line: 7, column: 11 },
    ]);
  });

  it('integers beyond 2^53-1 are refused with a clear message (JSON numbers lose precision)', () => {
    const e = ingestErrorOf(pod('  securityContext:\n    runAsUser: 9223372036854775807\n' + CONTAINER));
    expect(e.errors).toEqual([
      {
        path: 'spec.securityContext.runAsUser',
        message: 'expected integer within ±9007199254740991 (larger JSON integers lose precision), got number 9223372036854776000',
        document: 0,
        line: 7,
        column: 16,
      },
    ]);
    expect(readManifests(pod('  securityContext:\n    runAsUser: 9007199254740991\n' + CONTAINER), 'yaml').pods).toHaveLength(1);
  });

  it('JSON bodies have paths but no lines; List items are prefixed with items[i]', () => {
    const bad = { ...POD_JSON, spec: { containers: [{ name: 'c', securityContext: { runAsNonRoot: 'yes' } }] } };
    const e = ingestErrorOf(JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [POD_JSON, bad] }), 'json');
    expect(e.errors).toEqual([
      { path: 'items[1].spec.containers[0].securityContext.runAsNonRoot', message: 'expected boolean, got string "yes"' },
    ]);
  });

  it('labels and annotations are maps of strings, keyed [key] as Kubernetes paths are', () => {
    const e = ingestErrorOf('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    a/b: 1\nspec:\n' + CONTAINER);
    expect(e.errors).toEqual([
      { path: 'metadata.annotations[a/b]', message: 'expected string, got number 1', document: 0, line: 5, column: 10 },
    ]);
  });
});

describe('null and prototype keys (issue "Bad input")', () => {
  it('null is unset: struct fields removed, list elements and map values get Go zero values', () => {
    const m = readManifests(
      JSON.stringify({
        ...POD_JSON,
        metadata: { name: 'p', labels: null, annotations: { a: null } },
        spec: { hostPID: null, containers: [{ name: 'c', securityContext: null, args: [null], extra: { x: null } }], volumes: [null] },
      }),
      'json',
    );
    expect(m.pods[0]!.template).toEqual({
      metadata: { name: 'p', annotations: { a: '' } },
      spec: { containers: [{ name: 'c', args: [null], extra: {} }], volumes: [{ name: '' }] },
    });
  });

  it('`__proto__` keys are refused at any depth and never reach a prototype', () => {
    const text = '{"apiVersion":"v1","kind":"Pod","__proto__":{"x":1},"metadata":{"name":"p","labels":{"__proto__":"a"}},"spec":{"containers":[{"name":"c","securityContext":{"__proto__":{"privileged":true}}}],"nodeSelector":{"a":{"__proto__":1}}}}';
    const e = ingestErrorOf(text, 'json');
    expect(e.status).toBe(422);
    expect(e.errors.map((x) => x.path)).toEqual([
      '__proto__',
      'metadata.labels[__proto__]',
      'spec.containers[0].securityContext.__proto__',
      'spec.nodeSelector.a.__proto__',
    ]);
    expect(e.errors[0]!.message).toBe('key "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).privileged).toBeUndefined();
    const y = ingestErrorOf(pod('  __proto__: {privileged: true}\n' + CONTAINER));
    expect(y.errors).toEqual([{ path: 'spec.__proto__', message: 'key "__proto__" is not allowed', document: 0, line: 6, column: 14 }]);
    expect(({} as Record<string, unknown>).privileged).toBeUndefined();
  });

  it('`constructor` and `prototype` are ordinary keys (valid label keys)', () => {
    const m = readManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {constructor: a, prototype: b}\nspec:\n' + CONTAINER, 'yaml');
    expect(m.pods[0]!.template.metadata.labels).toEqual({ constructor: 'a', prototype: 'b' });
  });
});

describe('limits (issue "Bad input")', () => {
  it('more objects than maxObjects is a 413', () => {
    const e = ingestErrorOf('kind: A\n---\nkind: B\n---\nkind: C\n', 'yaml', { maxObjects: 2 });
    expect([e.status, e.detail]).toEqual([413, 'the body holds more than 2 objects']);
  });

  it('more containers than maxContainers is a 413', () => {
    const e = ingestErrorOf(pod('  containers: [{name: a}, {name: b}]\n  initContainers: [{name: c}]\n'), 'yaml', { maxContainers: 2 });
    expect([e.status, e.errors]).toEqual([
      413,
      [{ path: 'spec', message: 'the pod has 3 containers, more than the limit of 2', document: 0, line: 6, column: 3 }],
    ]);
  });

  it('a string longer than maxStringLength inside a pod is a 413', () => {
    const e = ingestErrorOf(pod(`  containers: [{name: a, image: ${'x'.repeat(20)}}]\n`), 'yaml', { maxStringLength: 10 });
    expect([e.status, e.errors[0]!.path, e.errors[0]!.message]).toEqual([413, 'spec.containers[0].image', 'string of 20 characters exceeds the limit of 10']);
  });
});

describe('readObject (JSON bodies such as {pod, policies})', () => {
  it('classifies one value, prefixes paths, and assumes a default kind', () => {
    const r = readObject({ spec: { containers: [{ name: 'c' }] } }, 'pod', { defaultKind: 'Pod', expect: 'pod' });
    expect(r.category).toBe('pod');
    let error: unknown;
    try {
      readObject({ ...POD_JSON, spec: { hostIPC: 1, containers: [{ name: 'c' }] } }, 'pod');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).errors).toEqual([{ path: 'pod.spec.hostIPC', message: 'expected boolean, got number 1' }]);
  });

  it('a value of another category than expected is a 422', () => {
    let error: unknown;
    try {
      readObject({ apiVersion: 'v1', kind: 'Service' }, 'policies[0]', { expect: 'policy' });
    } catch (e) {
      error = e;
    }
    expect((error as IngestError).errors).toEqual([
      { path: 'policies[0]', message: 'expected a PodSecurityPolicy: kind Service has no pod spec to evaluate' },
    ]);
  });
});
