import { describe, expect, it } from 'vitest';
import { api, postJson, postYaml, problemOf } from '../helpers/http';
import { CLEAN_DEPLOYMENT, KUBECTL_LIST } from '../report/manifests';

const yaml = (path: string, body: string, headers: Record<string, string> = {}) =>
  api(path, { method: 'POST', headers: { 'content-type': 'application/yaml', ...headers }, body });

/** The exact text report of KUBECTL_LIST (defaults: cis-1.12, restricted:latest). */
const KUBECTL_LIST_TEXT = [
  'manifest.yaml:38: medium psp/seccomp (restricted) Deployment/shop/web pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are runtime/default',
  'manifest.yaml:70: high cis/privileged (5.2.2) CronJob/ops/backup spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged: container "backup" sets securityContext.privileged=true',
  'manifest.yaml:70: high cis/host-pid (5.2.3) CronJob/ops/backup spec.jobTemplate.spec.template.spec.hostPID: pod shares the host process ID namespace (spec.hostPID=true)',
  'manifest.yaml:70: medium cis/root (5.2.7) CronJob/ops/backup spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsNonRoot: container "backup" sets neither runAsUser nor runAsNonRoot=true, so it runs as the image\'s USER, which is root unless the image says otherwise',
  'manifest.yaml:70: medium cis/net-raw (5.2.8) CronJob/ops/backup spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged: container "backup" is privileged and has every capability, including NET_RAW',
  'manifest.yaml:70: low cis/capabilities-assigned (5.2.9) CronJob/ops/backup spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged: container "backup" is privileged and has every capability',
  'manifest.yaml:70: high pss/hostNamespaces (restricted:latest) CronJob/ops/backup spec.jobTemplate.spec.template.spec: host namespaces (hostPID=true)',
  'manifest.yaml:70: high pss/privileged (restricted:latest) CronJob/ops/backup spec.jobTemplate.spec.template.spec: privileged (container "backup" must not set securityContext.privileged=true)',
  'manifest.yaml:70: medium pss/allowPrivilegeEscalation (restricted:latest) CronJob/ops/backup spec.jobTemplate.spec.template.spec: allowPrivilegeEscalation != false (container "backup" must set securityContext.allowPrivilegeEscalation=false)',
  'manifest.yaml:70: low pss/capabilities_restricted (restricted:latest) CronJob/ops/backup spec.jobTemplate.spec.template.spec: unrestricted capabilities (container "backup" must set securityContext.capabilities.drop=["ALL"])',
  'manifest.yaml:70: medium pss/runAsNonRoot (restricted:latest) CronJob/ops/backup spec.jobTemplate.spec.template.spec: runAsNonRoot != true (pod or container "backup" must set securityContext.runAsNonRoot=true)',
  'manifest.yaml:70: low pss/seccompProfile_restricted (restricted:latest) CronJob/ops/backup spec.jobTemplate.spec.template.spec: seccompProfile (pod or container "backup" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  'manifest.yaml:70: medium psp/seccomp (restricted) CronJob/ops/backup pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are runtime/default',
  'manifest.yaml:70: high psp/hostPID (restricted) CronJob/ops/backup spec.securityContext.hostPID: Invalid value: true: Host PID is not allowed to be used',
  'manifest.yaml:70: medium psp/seccomp (restricted) CronJob/ops/backup pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/backup]: Forbidden:  is not an allowed seccomp profile. Valid values are runtime/default',
  'manifest.yaml:70: high psp/privileged (restricted) CronJob/ops/backup spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed',
];

describe('POST /v1/evaluate: a kubectl List of PSPs, Deployments and CronJobs', () => {
  it('issue 5: text report, one exact line per finding and a summary line', async () => {
    const res = await yaml('/v1/evaluate?format=text', KUBECTL_LIST);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe(
      [...KUBECTL_LIST_TEXT, 'summary: objects=2 policies=1 skipped=0 findings=16 high=6 medium=7 low=3 cis.fail=5 pss.forbidden=1 psp.denied=2 failOn=none crossed=none', ''].join('\n'),
    );
  });

  it('issue 5: JSON report: admission, CIS, PSS per object, PSP-set verdict, summary', async () => {
    const res = await yaml('/v1/evaluate', KUBECTL_LIST);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const r = (await res.json()) as any;
    expect(r.source).toBe('manifest.yaml');
    expect(r.benchmark.name).toBe('cis-1.12');
    expect(r.pss).toEqual({ level: 'restricted', version: 'latest', resolvedVersion: 'v1.37' });
    expect(r.objects.map((o: any) => o.object)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', document: 0, item: 1, line: 38 },
      { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'ops', name: 'backup', document: 0, item: 2, line: 70 },
    ]);
    expect(r.objects[0].templatePath).toBe('spec.template');
    expect(r.objects[1].templatePath).toBe('spec.jobTemplate.spec.template');
    // psp-admission §3.6: the apiserver's whole rejection message.
    expect(r.objects[1].admission.allowed).toBe(false);
    expect(r.objects[1].admission.reason).toBe(
      'pods "backup" is forbidden: PodSecurityPolicy: unable to admit pod: [pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are runtime/default spec.securityContext.hostPID: Invalid value: true: Host PID is not allowed to be used pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/backup]: Forbidden:  is not an allowed seccomp profile. Valid values are runtime/default spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]',
    );
    expect(r.objects[0].pss).toEqual({ allowed: true, minimumLevel: 'restricted', forbidden: [], message: null });
    expect(r.objects[1].pss.minimumLevel).toBe('privileged');
    expect(r.objects[1].pss.message).toBe(
      'violates PodSecurity "restricted:latest": host namespaces (hostPID=true), privileged (container "backup" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "backup" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "backup" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "backup" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "backup" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    expect(r.objects[1].cis.find((c: any) => c.key === 'privileged').status).toBe('fail');
    expect(r.policySet.policies).toEqual([{ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', namespace: null, name: 'restricted', document: 0, item: 0, line: 3 }]);
    expect(r.policySet.controls.every((c: any) => c.status !== 'fail')).toBe(true);
    expect(r.summary).toEqual({
      objects: 2,
      policies: 1,
      skipped: 0,
      findings: 16,
      bySeverity: { high: 6, medium: 7, low: 3 },
      byRule: {
        'cis/capabilities-assigned': 1,
        'cis/host-pid': 1,
        'cis/net-raw': 1,
        'cis/privileged': 1,
        'cis/root': 1,
        'psp/hostPID': 1,
        'psp/privileged': 1,
        'psp/seccomp': 3,
        'pss/allowPrivilegeEscalation': 1,
        'pss/capabilities_restricted': 1,
        'pss/hostNamespaces': 1,
        'pss/privileged': 1,
        'pss/runAsNonRoot': 1,
        'pss/seccompProfile_restricted': 1,
      },
      cis: { pass: 17, fail: 5, manual: 2, notApplicable: 0, policySetFailing: 0 },
      pss: { allowed: 1, forbidden: 1, minimumLevels: { privileged: 1, baseline: 0, restricted: 1 } },
      admission: { allowed: 0, denied: 2 },
    });
    expect(r.findings[0]).toEqual({
      rule: 'psp/seccomp',
      engine: 'psp',
      severity: 'medium',
      objectIndex: 0,
      object: r.objects[0].object,
      path: 'pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]',
      message: 'pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are runtime/default',
      context: 'restricted',
    });
    expect(r.failOn).toEqual({ conditions: [], crossed: [] });
  });

  it('issue 5: without PodSecurityPolicies in the body, admission is null', async () => {
    const r = (await (await yaml('/v1/evaluate?level=baseline', CLEAN_DEPLOYMENT)).json()) as any;
    expect(r.objects[0].admission).toBeNull();
    expect(r.policySet).toBeNull();
    expect(r.summary.admission).toBeNull();
    expect(r.objects[0].pss).toEqual({ allowed: true, minimumLevel: 'restricted', forbidden: [], message: null });
  });

  it('issue 5: JSON bodies have no lines: text locations are the file name alone', async () => {
    const res = await postJson('/v1/evaluate?format=text&level=baseline', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { hostIPC: true, containers: [{ name: 'c', image: 'x' }] } });
    expect(await res.text()).toBe(
      [
        'manifest.json: high cis/host-ipc (5.2.4) Pod/default/p spec.hostIPC: pod shares the host IPC namespace (spec.hostIPC=true)',
        'manifest.json: medium cis/root (5.2.7) Pod/default/p spec.containers[0].securityContext.runAsNonRoot: container "c" sets neither runAsUser nor runAsNonRoot=true, so it runs as the image\'s USER, which is root unless the image says otherwise',
        'manifest.json: medium cis/net-raw (5.2.8) Pod/default/p spec.containers[0].securityContext.capabilities.drop: container "c" does not drop NET_RAW or ALL, and common runtimes grant NET_RAW by default',
        'manifest.json: low cis/capabilities-assigned (5.2.9) Pod/default/p spec.containers[0].securityContext.capabilities.drop: container "c" does not drop ALL capabilities',
        'manifest.json: high pss/hostNamespaces (baseline:latest) Pod/default/p spec: host namespaces (hostIPC=true)',
        'summary: objects=1 policies=0 skipped=0 findings=5 high=2 medium=2 low=1 cis.fail=4 pss.forbidden=1 psp.denied=- failOn=none crossed=none',
        '',
      ].join('\n'),
    );
  });

  it('issue 5: `source` names the file in text lines', async () => {
    const text = await (await yaml('/v1/evaluate?format=text&source=deploy/all.yaml', KUBECTL_LIST)).text();
    expect(text.split('\n')[0]).toBe(KUBECTL_LIST_TEXT[0]!.replace('manifest.yaml:38:', 'deploy/all.yaml:38:'));
  });
});

describe('POST /v1/evaluate: failOn', () => {
  const cases: Array<[string, number, string[]]> = [
    ['fail', 422, ['fail']],
    ['high', 422, ['high']],
    ['medium', 422, ['medium']],
    ['low', 422, ['low']],
    ['deny', 422, ['deny']],
    ['pss', 422, ['pss']],
    ['deny,high', 422, ['high', 'deny']],
  ];
  for (const [failOn, status, crossed] of cases) {
    it(`issue 5: failOn=${failOn} on the kubectl List → ${status} with the full report`, async () => {
      const res = await yaml(`/v1/evaluate?failOn=${failOn}`, KUBECTL_LIST);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/json');
      const r = (await res.json()) as any;
      expect(r.failOn.crossed).toEqual(crossed);
      expect(r.objects).toHaveLength(2);
      expect(r.findings).toHaveLength(16);
    });
  }

  it('issue 5: a clean Deployment crosses no condition: 200', async () => {
    const res = await yaml('/v1/evaluate?failOn=fail,low,deny,pss', CLEAN_DEPLOYMENT);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).failOn).toEqual({ conditions: ['fail', 'low', 'deny', 'pss'], crossed: [] });
  });

  it('issue 5: only low findings cross low but not medium or high', async () => {
    const lowOnly = CLEAN_DEPLOYMENT.replace('        seccompProfile: {type: RuntimeDefault}\n', '');
    expect((await yaml('/v1/evaluate?failOn=high,medium', lowOnly)).status).toBe(200);
    const res = await yaml('/v1/evaluate?failOn=low&format=text', lowOnly);
    expect(res.status).toBe(422);
    expect(await res.text()).toBe(
      'manifest.yaml:1: low pss/seccompProfile_restricted (restricted:latest) Deployment/shop/clean spec.template.spec: seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")\n' +
        'summary: objects=1 policies=0 skipped=0 findings=1 high=0 medium=0 low=1 cis.fail=0 pss.forbidden=1 psp.denied=- failOn=low crossed=low\n',
    );
  });

  it('issue 5: the 422 body is in the negotiated format (SARIF, JUnit)', async () => {
    const sarif = await yaml('/v1/evaluate?failOn=deny&format=sarif', KUBECTL_LIST);
    expect(sarif.status).toBe(422);
    expect(sarif.headers.get('content-type')).toBe('application/sarif+json');
    expect(((await sarif.json()) as any).runs[0].properties.failOn).toEqual({ conditions: ['deny'], crossed: ['deny'] });
    const junit = await yaml('/v1/evaluate?failOn=deny', KUBECTL_LIST, { accept: 'application/junit+xml' });
    expect(junit.status).toBe(422);
    expect((await junit.text()).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="podsec"')).toBe(true);
  });

  it('issue 5: an unknown failOn condition is a 400 problem', async () => {
    const p = await problemOf(await yaml('/v1/evaluate?failOn=high,critical', KUBECTL_LIST));
    expect(p.status).toBe(400);
    expect(p.errors).toEqual([{ path: 'query.failOn', message: 'must be a comma-separated list of fail, high, medium, low, deny, pss' }]);
  });

  it('issue 5: an invalid policy is still a 422 problem, not a report', async () => {
    const bad = KUBECTL_LIST.replace('      rule: MustRunAsNonRoot', '      rule: Sometimes');
    const res = await yaml('/v1/evaluate?failOn=high', bad);
    expect(res.status).toBe(422);
    expect((await problemOf(res)).type).toBe('urn:podsec:problem:invalid-policy');
  });
});

describe('POST /v1/evaluate: content negotiation', () => {
  const cases: Array<[string, string]> = [
    ['application/json', 'application/json'],
    ['application/sarif+json', 'application/sarif+json'],
    ['text/plain', 'text/plain; charset=utf-8'],
    ['application/xml', 'application/xml; charset=utf-8'],
    ['application/junit+xml', 'application/junit+xml; charset=utf-8'],
    ['*/*', 'application/json'],
    ['text/html, text/*;q=0.5', 'text/plain; charset=utf-8'],
    ['application/json;q=0.2, application/sarif+json;q=0.9', 'application/sarif+json'],
    ['application/json;q=0, */*', 'application/json'],
  ];
  for (const [accept, contentType] of cases) {
    it(`issue 5: Accept: ${accept} → ${contentType}`, async () => {
      const res = await yaml('/v1/evaluate', CLEAN_DEPLOYMENT, { accept });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(contentType);
      expect(res.headers.get('vary')).toBe('accept');
    });
  }

  it('issue 5: the format query wins over Accept', async () => {
    const res = await yaml('/v1/evaluate?format=text', CLEAN_DEPLOYMENT, { accept: 'application/sarif+json' });
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('issue 5: an Accept that matches nothing is 406 problem+json', async () => {
    const res = await yaml('/v1/evaluate', CLEAN_DEPLOYMENT, { accept: 'text/html, image/png' });
    expect(res.status).toBe(406);
    const p = await problemOf(res);
    expect(p).toEqual({
      type: 'urn:podsec:problem:not-acceptable',
      title: 'Not acceptable',
      status: 406,
      detail: 'None of the media types in Accept (text/html, image/png) can be produced; accepted: application/json, application/sarif+json, text/plain, application/xml, application/junit+xml, text/xml, or use the format query (json, sarif, text, junit).',
      allowed: ['application/json', 'application/sarif+json', 'text/plain', 'application/xml', 'application/junit+xml', 'text/xml'],
    });
  });

  it('issue 5: an unknown format is a 400 problem', async () => {
    const p = await problemOf(await yaml('/v1/evaluate?format=html', CLEAN_DEPLOYMENT));
    expect(p.status).toBe(400);
    expect(p.errors?.[0]?.path).toBe('query.format');
  });
});

describe('POST /v1/evaluate: hostile strings', () => {
  const HOSTILE = 'x"><testcase name="pwn"/><!-- & \' \u0001\nmanifest.yaml:1: high fake';
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: HOSTILE, namespace: 'a&b<c>' }, spec: { containers: [{ name: HOSTILE, image: 'x', securityContext: { privileged: true } }] } });
  const post = (q: string) => api(`/v1/evaluate?${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('issue 5: JUnit escapes every name and message and stays well-formed', async () => {
    const xml = await (await post('format=junit')).text();
    expect(xml).not.toContain('<testcase name="pwn"');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('classname="Pod/a&amp;b&lt;c&gt;/x&quot;&gt;&lt;testcase name=&quot;pwn&quot;/&gt;&lt;!-- &amp; &apos; \\u0001&#10;manifest.yaml:1: high fake"');
    expect(wellFormed(xml)).toBe(true);
  });

  it('issue 5: text keeps one line per finding: newlines and controls are escaped', async () => {
    const text = await (await post('format=text&level=baseline')).text();
    const lines = text.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('manifest.json: ') || l.startsWith('summary: '))).toBe(true);
    expect(lines[0]).toBe(
      'manifest.json: high cis/privileged (5.2.2) Pod/a&b<c>/x"><testcase name="pwn"/><!-- & \' \\u0001\\nmanifest.yaml:1: high fake spec.containers[0].securityContext.privileged: container "x\\"><testcase name=\\"pwn\\"/><!-- & \' \\x01\\nmanifest.yaml:1: high fake" sets securityContext.privileged=true',
    );
  });
});

/**
 * A small well-formedness checker (no DOMParser in workerd): balanced tags, quoted attributes,
 * no raw `<` or `&` outside markup and entity references, only XML 1.0 characters.
 */
export function wellFormed(xml: string): boolean {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')) return false;
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) return false;
  const body = xml.slice(xml.indexOf('?>') + 2);
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: string[] = [];
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < body.length && (m = token.exec(body)) !== null) {
    pos = token.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[5])) return false;
      if (stack.length === 0 && m[5].trim() !== '') return false;
      continue;
    }
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[3]!)) return false;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else if (m[4] !== '/') stack.push(m[2]!);
  }
  return pos === body.length && stack.length === 0;
}

describe('POST /v1/evaluate: answers to ASCII input are ASCII', () => {
  // workerd copies an ASCII answer into the response as it is, and converts one with any other
  // character character by character (docs/performance.md, round 11): nothing of podsec's own
  // wording may bring a non-ASCII character into an answer.
  const ascii = /^[\x09\x0a\x0d\x20-\x7e]*$/;

  it.each(['json', 'sarif', 'text', 'junit'])('format=%s', async (format) => {
    expect(KUBECTL_LIST).toMatch(ascii);
    const res = await yaml(`/v1/evaluate?format=${format}`, KUBECTL_LIST);
    expect(res.status).toBe(200);
    const text = await res.text();
    if (format === 'json') expect(text).toContain('"code":"decision-');
    expect(text).toMatch(ascii);
  });
});
