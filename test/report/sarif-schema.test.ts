import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import schema from '../fixtures/sarif/sarif-schema-2.1.0.json';
import { api } from '../helpers/http';
import { CLEAN_DEPLOYMENT, KUBECTL_LIST } from './manifests';

const validator = new Validator(schema as object, '4', false);

async function sarifOf(body: string, query = '', contentType = 'application/yaml'): Promise<any> {
  const res = await api(`/v1/evaluate?format=sarif${query}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  expect(res.headers.get('content-type')).toBe('application/sarif+json');
  return res.json();
}

function expectValid(log: unknown): void {
  const result = validator.validate(log);
  expect(result.errors.slice(0, 5)).toEqual([]);
  expect(result.valid).toBe(true);
}

describe('SARIF 2.1.0', () => {
  it('issue 5: the kubectl List report is valid against the SARIF 2.1.0 schema', async () => {
    expectValid(await sarifOf(KUBECTL_LIST));
  });

  it('issue 5: a report without findings, a JSON body and an unusual source are valid too', async () => {
    expectValid(await sarifOf(CLEAN_DEPLOYMENT, '&level=baseline'));
    const pod = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostPID: true, containers: [{ name: 'c', image: 'x' }] } });
    const log = await sarifOf(pod, `&source=${encodeURIComponent('my dir/pod #1.json')}`, 'application/json');
    expectValid(log);
    expect(log.runs[0].artifacts[0].location.uri).toBe('my%20dir/pod%20#1.json');
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'my%20dir/pod%20#1.json', index: 0 } });
  });

  it('issue 5: one rule per CIS control, PSS check and PSP field; results located by line and object', async () => {
    const log = await sarifOf(KUBECTL_LIST);
    const run = log.runs[0];
    const ids: string[] = run.tool.driver.rules.map((r: any) => r.id);
    expect(ids.filter((id) => id.startsWith('cis/'))).toHaveLength(12); // cis-1.12: 5.2.1–5.2.12
    expect(ids.filter((id) => id.startsWith('pss/'))).toHaveLength(19);
    expect(ids.filter((id) => id.startsWith('psp/'))).toHaveLength(24);
    expect(run.tool.driver.rules[ids.indexOf('cis/privileged')]).toMatchObject({
      id: 'cis/privileged',
      name: 'cis-1.12 5.2.2',
      shortDescription: { text: 'Minimize the admission of privileged containers' },
      defaultConfiguration: { level: 'error' },
      properties: { benchmark: 'cis-1.12', controlId: '5.2.2', severity: 'high', 'security-severity': '8.0' },
    });
    const privileged = run.results.find((r: any) => r.ruleId === 'cis/privileged');
    expect(privileged).toEqual({
      ruleId: 'cis/privileged',
      ruleIndex: ids.indexOf('cis/privileged'),
      level: 'error',
      message: { text: '[5.2.2] CronJob/ops/backup: spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged: container "backup" sets securityContext.privileged=true' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'manifest.yaml', index: 0 }, region: { startLine: 70 } },
          logicalLocations: [
            { name: 'backup', fullyQualifiedName: 'CronJob/ops/backup', kind: 'resource' },
            { name: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged', fullyQualifiedName: 'CronJob/ops/backup:spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged', kind: 'property' },
          ],
        },
      ],
      properties: { severity: 'high', object: 'CronJob/ops/backup', path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged', context: '5.2.2', document: 0 },
    });
    const psp = run.results.find((r: any) => r.ruleId === 'psp/privileged');
    expect(psp.message.text).toBe('CronJob/ops/backup: PodSecurityPolicy "restricted": spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed');
    expect(run.results.map((r: any) => r.level)).toEqual(
      ['warning', 'error', 'error', 'warning', 'warning', 'note', 'error', 'error', 'warning', 'note', 'warning', 'note', 'warning', 'error', 'warning', 'error'],
    );
  });
});
