/**
 * Which requests the webhook evaluates, by the resource the apiserver names in `request.resource`
 * (group + resource; versions do not matter, as in PSA's GroupResource lookups).
 */

export type ResourceRole = 'pod' | 'workload';

/**
 * pod-security-admission admission.go defaultPodSpecResources, plus the legacy `extensions`
 * workloads a pre-1.16 apiserver still served. Adding a pod-bearing resource = adding one row.
 */
const RESOURCE_ROLES: ReadonlyMap<string, ResourceRole> = new Map<string, ResourceRole>([
  ['/pods', 'pod'],
  ['/replicationcontrollers', 'workload'],
  ['/podtemplates', 'workload'],
  ['apps/replicasets', 'workload'],
  ['apps/deployments', 'workload'],
  ['apps/statefulsets', 'workload'],
  ['apps/daemonsets', 'workload'],
  ['batch/jobs', 'workload'],
  ['batch/cronjobs', 'workload'],
  ['extensions/replicasets', 'workload'],
  ['extensions/deployments', 'workload'],
  ['extensions/daemonsets', 'workload'],
]);

export function resourceRole(group: string, resource: string): ResourceRole | undefined {
  return RESOURCE_ROLES.get(`${group}/${resource}`);
}

/**
 * Pod subresources PSA never evaluates (admission.go ignoredPodSubresources); any other pod
 * subresource (ephemeralcontainers, resize, ...) carries a Pod and is evaluated like the pod.
 */
export const PSS_IGNORED_POD_SUBRESOURCES: ReadonlySet<string> = new Set([
  'exec',
  'attach',
  'binding',
  'eviction',
  'log',
  'portforward',
  'proxy',
  'status',
]);
