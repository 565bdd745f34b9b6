import { goValue } from '../../k8s/field-error';
import { fieldError, type PspValidationRule } from './rule';

/**
 * Every FSType of policy/v1beta1 (1.21–1.24, incl. `csi` and `ephemeral`) plus the `*` pseudo type,
 * sorted byte-wise as sets.String.List() prints them. There is no `none` (§1.2).
 */
export const PSP_VOLUME_TYPES: readonly string[] = [
  '*', 'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephFS', 'cinder', 'configMap', 'csi', 'downwardAPI',
  'emptyDir', 'ephemeral', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo', 'glusterfs', 'hostPath',
  'iscsi', 'nfs', 'persistentVolumeClaim', 'photonPersistentDisk', 'portworxVolume', 'projected', 'quobyte', 'rbd',
  'scaleIO', 'secret', 'storageos', 'vsphereVolume',
];
const PSP_VOLUME_TYPE_SET: ReadonlySet<string> = new Set(PSP_VOLUME_TYPES);

/** validatePodSecurityPolicyVolumes: one Unsupported error per unknown entry, all at `spec.volumes`. */
export const validateVolumes: PspValidationRule = (psp, errs) => {
  const volumes = psp.spec.volumes;
  if (volumes === undefined) return;
  for (const v of volumes) {
    if (!PSP_VOLUME_TYPE_SET.has(v)) errs.push(fieldError.notSupported('spec.volumes', goValue.string(v), PSP_VOLUME_TYPES));
  }
};
