/**
 * Request bodies shared by the report and /v1/evaluate tests, written for these tests (no copied
 * data). KUBECTL_LIST is shaped as `kubectl get psp,deploy,cronjob -o yaml` prints it: one
 * `kind: List` document, keys in alphabetical order (`items` before `kind`), server fields
 * (creationTimestamp, resourceVersion, uid, status) left in.
 */
export const KUBECTL_LIST = `apiVersion: v1
items:
- apiVersion: policy/v1beta1
  kind: PodSecurityPolicy
  metadata:
    annotations:
      seccomp.security.alpha.kubernetes.io/allowedProfileNames: runtime/default
    creationTimestamp: "2021-06-01T10:00:00Z"
    name: restricted
    resourceVersion: "4711"
    uid: 0b6c3f0e-1111-4c3a-9a55-000000000001
  spec:
    allowPrivilegeEscalation: false
    fsGroup:
      ranges:
      - max: 65535
        min: 1
      rule: MustRunAs
    privileged: false
    requiredDropCapabilities:
    - ALL
    runAsUser:
      rule: MustRunAsNonRoot
    seLinux:
      rule: RunAsAny
    supplementalGroups:
      ranges:
      - max: 65535
        min: 1
      rule: MustRunAs
    volumes:
    - configMap
    - emptyDir
    - projected
    - secret
    - downwardAPI
    - persistentVolumeClaim
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    creationTimestamp: "2021-06-01T10:00:00Z"
    generation: 1
    name: web
    namespace: shop
    resourceVersion: "4712"
    uid: 0b6c3f0e-1111-4c3a-9a55-000000000002
  spec:
    replicas: 2
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
        - image: nginx:1.27
          name: app
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop:
              - ALL
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
  status:
    availableReplicas: 2
- apiVersion: batch/v1
  kind: CronJob
  metadata:
    creationTimestamp: "2021-06-01T10:00:00Z"
    name: backup
    namespace: ops
    resourceVersion: "4713"
    uid: 0b6c3f0e-1111-4c3a-9a55-000000000003
  spec:
    jobTemplate:
      spec:
        template:
          spec:
            containers:
            - image: busybox:1.36
              name: backup
              securityContext:
                privileged: true
            hostPID: true
            restartPolicy: OnFailure
    schedule: 0 3 * * *
  status: {}
kind: List
metadata:
  resourceVersion: ""
`;

/** A compliant Deployment and no policies. */
export const CLEAN_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: clean
  namespace: shop
spec:
  selector:
    matchLabels: {app: clean}
  template:
    metadata:
      labels: {app: clean}
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
      - name: app
        image: nginx:1.27
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
`;
