/**
 * The PodSecurityPolicies the Kubernetes documentation shipped (kubernetes/website,
 * content/en/examples/policy/{privileged,baseline,restricted}-psp.yaml), converted to JSON without
 * changes (YAML comments dropped).
 *
 * Source commits: privileged 7a090ad7363d, baseline 4047a9b1edca, restricted 40760b367036.
 * Licence: CC-BY-4.0, © The Kubernetes Authors (kubernetes/website content); see src/psp/README.md.
 *
 * Frozen: admission never mutates input policies, and these objects are shared by every request.
 */
import type { PodSecurityPolicy } from '../k8s/types';

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const PRIVILEGED_PSP: PodSecurityPolicy = {
  "apiVersion": "policy/v1beta1",
  "kind": "PodSecurityPolicy",
  "metadata": {
    "name": "privileged",
    "annotations": {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames": "*"
    }
  },
  "spec": {
    "privileged": true,
    "allowPrivilegeEscalation": true,
    "allowedCapabilities": [
      "*"
    ],
    "volumes": [
      "*"
    ],
    "hostNetwork": true,
    "hostPorts": [
      {
        "min": 0,
        "max": 65535
      }
    ],
    "hostIPC": true,
    "hostPID": true,
    "runAsUser": {
      "rule": "RunAsAny"
    },
    "seLinux": {
      "rule": "RunAsAny"
    },
    "supplementalGroups": {
      "rule": "RunAsAny"
    },
    "fsGroup": {
      "rule": "RunAsAny"
    }
  }
};

const BASELINE_PSP: PodSecurityPolicy = {
  "apiVersion": "policy/v1beta1",
  "kind": "PodSecurityPolicy",
  "metadata": {
    "name": "baseline",
    "annotations": {
      "apparmor.security.beta.kubernetes.io/allowedProfileNames": "runtime/default",
      "apparmor.security.beta.kubernetes.io/defaultProfileName": "runtime/default",
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames": "docker/default,runtime/default,unconfined",
      "seccomp.security.alpha.kubernetes.io/defaultProfileName": "unconfined"
    }
  },
  "spec": {
    "privileged": false,
    "allowedCapabilities": [
      "CHOWN",
      "DAC_OVERRIDE",
      "FSETID",
      "FOWNER",
      "MKNOD",
      "NET_RAW",
      "SETGID",
      "SETUID",
      "SETFCAP",
      "SETPCAP",
      "NET_BIND_SERVICE",
      "SYS_CHROOT",
      "KILL",
      "AUDIT_WRITE"
    ],
    "volumes": [
      "configMap",
      "emptyDir",
      "projected",
      "secret",
      "downwardAPI",
      "persistentVolumeClaim",
      "awsElasticBlockStore",
      "azureDisk",
      "azureFile",
      "cephFS",
      "cinder",
      "csi",
      "fc",
      "flexVolume",
      "flocker",
      "gcePersistentDisk",
      "gitRepo",
      "glusterfs",
      "iscsi",
      "nfs",
      "photonPersistentDisk",
      "portworxVolume",
      "quobyte",
      "rbd",
      "scaleIO",
      "storageos",
      "vsphereVolume"
    ],
    "hostNetwork": false,
    "hostIPC": false,
    "hostPID": false,
    "readOnlyRootFilesystem": false,
    "runAsUser": {
      "rule": "RunAsAny"
    },
    "seLinux": {
      "rule": "RunAsAny"
    },
    "supplementalGroups": {
      "rule": "RunAsAny"
    },
    "fsGroup": {
      "rule": "RunAsAny"
    }
  }
};

const RESTRICTED_PSP: PodSecurityPolicy = {
  "apiVersion": "policy/v1beta1",
  "kind": "PodSecurityPolicy",
  "metadata": {
    "name": "restricted",
    "annotations": {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames": "docker/default,runtime/default",
      "apparmor.security.beta.kubernetes.io/allowedProfileNames": "runtime/default",
      "apparmor.security.beta.kubernetes.io/defaultProfileName": "runtime/default"
    }
  },
  "spec": {
    "privileged": false,
    "allowPrivilegeEscalation": false,
    "requiredDropCapabilities": [
      "ALL"
    ],
    "volumes": [
      "configMap",
      "emptyDir",
      "projected",
      "secret",
      "downwardAPI",
      "csi",
      "persistentVolumeClaim",
      "ephemeral"
    ],
    "hostNetwork": false,
    "hostIPC": false,
    "hostPID": false,
    "runAsUser": {
      "rule": "MustRunAsNonRoot"
    },
    "seLinux": {
      "rule": "RunAsAny"
    },
    "supplementalGroups": {
      "rule": "MustRunAs",
      "ranges": [
        {
          "min": 1,
          "max": 65535
        }
      ]
    },
    "fsGroup": {
      "rule": "MustRunAs",
      "ranges": [
        {
          "min": 1,
          "max": 65535
        }
      ]
    },
    "readOnlyRootFilesystem": false
  }
};

export const EXAMPLE_POLICIES: { privileged: PodSecurityPolicy; baseline: PodSecurityPolicy; restricted: PodSecurityPolicy } =
  deepFreeze({ privileged: PRIVILEGED_PSP, baseline: BASELINE_PSP, restricted: RESTRICTED_PSP });
