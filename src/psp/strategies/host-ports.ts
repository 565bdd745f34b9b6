/**
 * hostPorts check (§5.4; provider.go hasInvalidHostPort). The path is `<c>.hostPort`, without the
 * ports index (§10.8). No ranges = no host port allowed.
 */
import { goValue } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError } from '../fields';
import type { PspStrategy, PspViolation } from '../types';

export interface HostPortPolicy {
  ranges: ReadonlyArray<{ min: number; max: number }>;
  /** hostPortRangesToString: `min` or `min-max`, joined by `,`. */
  rangesText: string;
}

export function compileHostPortsStrategy(psp: PodSecurityPolicy): HostPortPolicy {
  const ranges = psp.spec.hostPorts ?? [];
  // Copied: a cached provider holds no object of the request it was compiled from.
  return { ranges: ranges.map((r) => ({ min: r.min, max: r.max })), rangesText: ranges.map((r) => (r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`)).join(',') };
}

export function validateHostPorts(s: HostPortPolicy, _pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  for (const port of c.ports ?? []) {
    const p = port.hostPort;
    if (p === undefined || p <= 0) continue;
    if (s.ranges.some((r) => p >= r.min && p <= r.max)) continue;
    errs.push(
      fieldError.invalid(`${path}.hostPort`, goValue.int(p), `Host port ${p} is not allowed to be used. Allowed ports: [${s.rangesText}]`),
    );
  }
}

export const HOST_PORTS: PspStrategy<HostPortPolicy> = {
  id: 'hostPorts',
  compile: compileHostPortsStrategy,
  validateContainer: validateHostPorts,
};
