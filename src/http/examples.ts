/**
 * Request examples shown in the OpenAPI document and on /docs (the route contracts' request bodies;
 * build-time only, the Worker does not carry them).
 */

export const FINDINGS_EXAMPLE_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true
      containers:
      - name: app
        image: nginx:1.27
        securityContext:
          runAsNonRoot: true
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
---
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
  allowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  volumes: [configMap, emptyDir, projected, secret, downwardAPI, persistentVolumeClaim]
  runAsUser: {rule: MustRunAsNonRoot}
  seLinux: {rule: RunAsAny}
  supplementalGroups: {rule: MustRunAs, ranges: [{min: 1, max: 65535}]}
  fsGroup: {rule: MustRunAs, ranges: [{min: 1, max: 65535}]}
`;

export const FINDINGS_EXAMPLE_JSON = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'debug', namespace: 'default' },
  spec: {
    initContainers: [{ name: 'setup', image: 'busybox', securityContext: { privileged: true } }],
    containers: [{ name: 'app', image: 'nginx:1.27' }],
  },
};

/** The Kubernetes documentation's restricted policy (trimmed) and a privileged pod. */
export const ADMISSION_EXAMPLE_JSON = {
  pod: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'privileged', namespace: 'psp-example' },
    spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause', securityContext: { privileged: true } }] },
  },
  policies: [
    {
      apiVersion: 'policy/v1beta1',
      kind: 'PodSecurityPolicy',
      metadata: { name: 'example' },
      spec: {
        privileged: false,
        seLinux: { rule: 'RunAsAny' },
        supplementalGroups: { rule: 'RunAsAny' },
        runAsUser: { rule: 'RunAsAny' },
        fsGroup: { rule: 'RunAsAny' },
        volumes: ['*'],
      },
    },
  ],
  operation: 'CREATE',
};

export const ADMISSION_EXAMPLE_YAML = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: example
spec:
  privileged: false
  seLinux: {rule: RunAsAny}
  supplementalGroups: {rule: RunAsAny}
  runAsUser: {rule: RunAsAny}
  fsGroup: {rule: RunAsAny}
  volumes: ['*']
---
apiVersion: v1
kind: Pod
metadata:
  name: pause
  namespace: psp-example
spec:
  containers:
  - name: pause
    image: registry.k8s.io/pause
`;
