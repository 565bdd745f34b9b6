import { describe, expect, it } from 'vitest';
import { IngestError, readManifests } from '../../src/ingest';

// test/fixtures/corpus is a copy of the shared real-world corpus made by scripts/import-corpus.mjs
// (files over 200 KB left out; scripts/check-corpus.mjs reads the full corpus in Node).
const files = import.meta.glob('../fixtures/corpus/*/*', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;
const PREFIX = '../fixtures/corpus/';

/**
 * The files SOURCES.md lists as broken or not valid objects, and what the reader answers.
 * Every other file must be read.
 */
const EXPECTED_ERRORS: Record<string, { status: number; detail: string }> = {
  // Parse errors (SOURCES.md "Parse errors (3)")
  'FairwindsOps__polaris/pkg__kube__test_files__test_3__bad.yaml': {
    status: 400,
    detail: 'document 0 is not valid YAML: Unexpected scalar token in YAML stream: "apiVersion"',
  },
  'stackrox__kube-linter/pkg__command__lint__testdata__invalid.yaml': {
    status: 400,
    detail: 'document 0 is not valid YAML: Flow map in block collection must be sufficiently indented and end with a }',
  },
  'kubernetes__kubernetes/hack__testdata__invalid-deployment-unknown-and-duplicate-fields.yaml': {
    status: 400,
    detail: 'document 0 is not valid YAML: Map keys must be unique',
  },
  // `{{ .fluxns }}` parses as a flow mapping used as a key; sigs.k8s.io/yaml refuses such keys.
  'fluxcd__flux2/cmd__flux__testdata__build-kustomization__podinfo-result.yaml': {
    status: 400,
    detail: 'document 0: a mapping key must be a scalar, not a collection',
  },
  // String-typed booleans/integers and malformed specs: Kubernetes would reject these objects.
  'controlplaneio__kubesec/test__asset__invalid-schema.yml': {
    status: 422,
    detail: 'expected boolean, got string "1" at spec.template.spec.hostNetwork',
  },
  'kubernetes__kubernetes/hack__testdata__invalid-pod.yaml': {
    status: 422,
    detail: 'Required value at spec.containers[0].name',
  },
  'FairwindsOps__polaris/test__checks__runAsPrivileged__failure.two_cont_one_unspecified.yaml': {
    status: 422,
    detail: 'Required value at spec.containers[0].name (and 1 more)',
  },
  'FairwindsOps__polaris/test__checks__runAsPrivileged__success.pod_no_cont.yaml': {
    status: 422,
    detail: 'Required value at spec.containers[0].name',
  },
  'bridgecrewio__checkov/tests__kubernetes__checks__example_AllowPrivilegeEscalation__pod-runas1000-malformed-PASSED.yaml': {
    status: 422,
    detail: 'expected array, got object at spec.containers',
  },
  'bridgecrewio__checkov/tests__kubernetes__checks__example_RootContainers__rootContainersFAILED-malformed-spec.yaml': {
    status: 422,
    detail: 'expected object, got array at spec',
  },
  'bridgecrewio__checkov/tests__kubernetes__checks__example_RootContainers__rootContainersFAILED.yaml': {
    status: 422,
    detail: 'expected integer, got string "username" at spec.securityContext.runAsUser',
  },
  'bridgecrewio__checkov/tests__kubernetes__checks__example_Seccomp__pod-seccomp-FAILED2.yaml': {
    status: 422,
    detail: 'expected integer, got string "9402" at spec.template.spec.containers[0].ports[0].containerPort',
  },
  'bridgecrewio__checkov/tests__kubernetes__checks__example_SecurityContexts__pod-container-FAILED_malformed_spec.yaml': {
    status: 422,
    detail: 'expected object, got array at spec',
  },
};

describe('real-world corpus (issue "Reading manifests": every file read without an exception)', () => {
  const names = Object.keys(files).map((k) => k.slice(PREFIX.length));

  it('holds the imported files', () => {
    expect(names.length).toBeGreaterThan(380);
  });

  it('every file is read, or fails with the expected IngestError 4xx; never anything else', () => {
    const counts: Record<string, number> = { files: 0, read: 0, pod: 0, policy: 0, skipped: 0 };
    const failures: string[] = [];
    for (const name of names) {
      counts.files!++;
      const text = files[PREFIX + name]!;
      const format = name.endsWith('.json') ? 'json' : 'yaml';
      const expected = EXPECTED_ERRORS[name];
      try {
        const m = readManifests(text, format);
        counts.read!++;
        for (const o of m.objects) counts[o.category]!++;
        if (expected) failures.push(`${name}: read, expected ${expected.status}`);
      } catch (e) {
        if (!(e instanceof IngestError)) {
          failures.push(`${name}: threw ${String(e)}`);
          continue;
        }
        counts[`error ${e.status}`] = (counts[`error ${e.status}`] ?? 0) + 1;
        if (!expected) failures.push(`${name}: ${e.status} ${e.detail}`);
        else if (e.status !== expected.status || e.detail !== expected.detail) {
          failures.push(`${name}: got ${e.status} ${e.detail}`);
        }
      }
    }
    console.log('corpus summary', counts);
    expect(failures).toEqual([]);
    expect(counts['error 400']).toBe(4);
    expect(counts['error 422']).toBe(9);
  }, 60_000); // ~1 MB of YAML through the parser inside workerd: a time budget, not an assertion

  it('§4.1 legacy apiVersions, List, PodTemplate and CronJob fixtures are found as pods', () => {
    const list = readManifests(files[PREFIX + 'zegl__kube-score/score__testdata__list.yaml']!, 'yaml');
    expect(list.objects.every((o) => o.ref.item !== undefined)).toBe(true);
    for (const file of ['deployment-extensions-v1beta1', 'daemonset-appsv1beta2', 'statefulset-appsv1beta1', 'cronjob-batchv1beta1']) {
      expect(readManifests(files[`${PREFIX}zegl__kube-score/score__testdata__${file}.yaml`]!, 'yaml').pods).toHaveLength(1);
    }
    const podTemplate = readManifests(
      files[PREFIX + 'kubernetes__kubernetes/test__fixtures__doc-yaml__user-guide__walkthrough__podtemplate.json']!,
      'json',
    );
    expect(podTemplate.pods.map((p) => [p.kind, p.templatePath])).toEqual([['PodTemplate', 'template']]);
  });

  it('psp §1 the Kubernetes documentation PodSecurityPolicies are read as policies', () => {
    for (const file of ['restricted-psp.yaml', 'baseline-psp.yaml', 'privileged-psp.yaml', 'example-psp.yaml']) {
      const m = readManifests(files[`${PREFIX}kubernetes__website/content__en__examples__policy__${file}`]!, 'yaml');
      expect(m.policies).toHaveLength(1);
    }
  });
});
