import type { ObjectMeta, PodSpec, Volume } from '../../k8s/types';
import { ALLOWED, forbidden, joinQuote, pluralize, sortedSet } from '../helpers';
import type { CheckResult } from '../types';

/**
 * Volume sources the restricted level allows. `image` was added in Kubernetes 1.33 and applies to
 * every policy version (no new version); older libraries reported it as "unknown".
 */
const ALLOWED_SOURCES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** The type a bad volume is reported as: the first of these it sets, else "unknown". */
const RESTRICTED_SOURCES_IN_REPORT_ORDER = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
] as const;

const UNKNOWN_VOLUME_TYPE = 'unknown';

/**
 * Whether the volume is allowed. A volume that names no source at all is allowed: the API server
 * defaults it to emptyDir before admission (upstream pass fixture restrictedvolumes0 relies on it).
 */
function isAllowedVolume(v: Volume): boolean {
  let hasSource = false;
  for (const key of Object.keys(v)) {
    if (key === 'name') continue;
    if (ALLOWED_SOURCES.has(key)) return true;
    hasSource = true;
  }
  return !hasSource;
}

function restrictedVolumeType(v: Volume): string {
  for (const t of RESTRICTED_SOURCES_IN_REPORT_ORDER) if (v[t] !== undefined) return t;
  return UNKNOWN_VOLUME_TYPE;
}

/**
 * Restricted: only the allowed volume sources may be used. Overrides hostPathVolumes.
 * Restricted field: spec.volumes[*] (the source key).
 */
export function restrictedVolumesV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const volumes = spec.volumes;
  if (volumes === undefined) return ALLOWED;
  const bad: string[] = [];
  const types: string[] = [];
  for (const v of volumes) {
    if (isAllowedVolume(v)) continue;
    bad.push(v.name);
    types.push(restrictedVolumeType(v));
  }
  if (bad.length === 0) return ALLOWED;
  const list = sortedSet(types);
  return forbidden(
    'restricted volume types',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', list.length)} ${joinQuote(list)}`,
  );
}
