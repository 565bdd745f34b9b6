/**
 * Volumes check (§5.7; provider.go validatePodVolumes, util.go). Per volume in index order: type
 * allowed (with the projected service-account-token exception), then hostPath prefix / read-only
 * mounts, flexVolume driver, inline CSI driver. The driver checks also apply under `*` (§10.15).
 */
import { goValue } from '../../k8s/field-error';
import type { PodSecurityPolicy, PodTemplate, Volume } from '../../k8s/types';
import { fieldError, PATH } from '../fields';
import { CONTAINER_KINDS } from '../pod-draft';
import type { PspStrategy, PspViolation } from '../types';

/**
 * v1 volume-source key → PSP FSType, in GetVolumeFSType's switch order. The name equals the key
 * except `cephfs` → `cephFS`. `ephemeral` is the 1.21+ generic ephemeral volume.
 */
export const VOLUME_SOURCE_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['hostPath', 'hostPath'],
  ['emptyDir', 'emptyDir'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['gitRepo', 'gitRepo'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['flexVolume', 'flexVolume'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['flocker', 'flocker'],
  ['downwardAPI', 'downwardAPI'],
  ['fc', 'fc'],
  ['azureFile', 'azureFile'],
  ['configMap', 'configMap'],
  ['vsphereVolume', 'vsphereVolume'],
  ['quobyte', 'quobyte'],
  ['azureDisk', 'azureDisk'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['portworxVolume', 'portworxVolume'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
];

/** Each source key's position in VOLUME_SOURCE_TYPES. */
const SOURCE_POSITION: ReadonlyMap<string, number> = new Map(VOLUME_SOURCE_TYPES.map(([key], i) => [key, i]));

/**
 * The volume's FSType, or undefined when no known source is set. One pass over the volume's keys
 * (a name and usually one source) instead of a lookup per table row (this runs per policy ×
 * volume); the set source earliest in the table wins, as in the Go switch.
 */
export function volumeType(v: Volume): string | undefined {
  let first = VOLUME_SOURCE_TYPES.length;
  for (const key in v) {
    const i = SOURCE_POSITION.get(key);
    if (i !== undefined && i < first && v[key] !== undefined) first = i;
  }
  return VOLUME_SOURCE_TYPES[first]?.[1];
}

export interface VolumePolicy {
  allowAll: boolean;
  allowed: ReadonlySet<string>;
  allowedHostPaths: ReadonlyArray<{ pathPrefix: string; readOnly: boolean }>;
  flexDrivers: ReadonlySet<string> | undefined;
  csiDrivers: ReadonlySet<string> | undefined;
}

export function compileVolumesStrategy(psp: PodSecurityPolicy): VolumePolicy {
  const allowed = new Set(psp.spec.volumes ?? []);
  const flex = psp.spec.allowedFlexVolumes ?? [];
  const csi = psp.spec.allowedCSIDrivers ?? [];
  return {
    allowAll: allowed.has('*'),
    allowed,
    allowedHostPaths: (psp.spec.allowedHostPaths ?? []).map((p) => ({ pathPrefix: p.pathPrefix ?? '', readOnly: p.readOnly === true })),
    flexDrivers: flex.length > 0 ? new Set(flex.map((f) => f.driver ?? '')) : undefined,
    csiDrivers: csi.length > 0 ? new Set(csi.map((c) => c.name ?? '')) : undefined,
  };
}

function objectAt(o: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

/**
 * IsOnlyServiceAccountTokenSources: every projection is the token at `token` without audience, the
 * `kube-root-ca.crt` ConfigMap, or the namespace through the downward API (BoundServiceAccountTokenVolume, 1.21+).
 */
export function isOnlyServiceAccountTokenSources(projected: NonNullable<Volume['projected']>): boolean {
  for (const s of projected.sources ?? []) {
    const token = objectAt(s, 'serviceAccountToken');
    const configMap = objectAt(s, 'configMap');
    const downwardAPI = objectAt(s, 'downwardAPI');
    if (token === undefined && configMap === undefined && downwardAPI === undefined) return false;
    if (token !== undefined && (token['path'] !== 'token' || (token['audience'] ?? '') !== '')) return false;
    if (configMap !== undefined && configMap['name'] !== 'kube-root-ca.crt') return false;
    if (downwardAPI !== undefined) {
      const items = downwardAPI['items'];
      for (const d of Array.isArray(items) ? items : []) {
        const fieldRef = objectAt(d, 'fieldRef');
        if (
          (d as { path?: unknown } | null)?.path !== 'namespace' ||
          fieldRef === undefined ||
          fieldRef['apiVersion'] !== 'v1' ||
          fieldRef['fieldPath'] !== 'metadata.namespace'
        ) {
          return false;
        }
      }
    }
  }
  return true;
}

/** hasPathPrefix: one trailing `/` trimmed from both, then equal or prefix at a segment boundary. */
export function hasPathPrefix(path: string, prefix: string): boolean {
  const s = path.endsWith('/') ? path.slice(0, -1) : path;
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (!s.startsWith(p)) return false;
  return s.length === p.length || s[p.length] === '/';
}

/** AllowsHostVolumePath: any matching writable entry wins; otherwise matching entries force read-only. */
function allowsHostPath(s: VolumePolicy, path: string): { allowed: boolean; readOnly: boolean } {
  if (s.allowedHostPaths.length === 0) return { allowed: true, readOnly: false };
  let allowed = false;
  for (const entry of s.allowedHostPaths) {
    if (!hasPathPrefix(path, entry.pathPrefix)) continue;
    if (!entry.readOnly) return { allowed: true, readOnly: false };
    allowed = true;
  }
  return { allowed, readOnly: allowed };
}

function typeAllowed(s: VolumePolicy, type: string, v: Volume): boolean {
  if (s.allowAll || s.allowed.has(type)) return true;
  return type === 'projected' && s.allowed.has('secret') && isOnlyServiceAccountTokenSources(v.projected!);
}

export function validateVolumes(s: VolumePolicy, pod: PodTemplate, errs: PspViolation[]): void {
  const volumes = pod.spec.volumes;
  if (volumes === undefined) return;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i]!;
    const path = `${PATH.volumes}[${i}]`;
    const type = volumeType(v);
    if (type === undefined) {
      // Unreachable for API-valid pods; Go prints the whole volume struct with %#v here.
      errs.push(fieldError.invalid(path, goValue.string(''), `unknown volume type for volume: ${v.name}`));
      continue;
    }
    if (!typeAllowed(s, type, v)) {
      errs.push(fieldError.invalid(path, goValue.string(type), `${type} volumes are not allowed to be used`));
      continue;
    }
    if (type === 'hostPath') {
      const hostPath = v.hostPath!.path;
      const { allowed, readOnly } = allowsHostPath(s, hostPath);
      if (!allowed) {
        errs.push(fieldError.invalid(`${path}.hostPath.pathPrefix`, goValue.string(hostPath), 'is not allowed to be used'));
      } else if (readOnly) {
        validateReadOnlyMounts(pod, v.name, errs);
      }
    } else if (type === 'flexVolume' && s.flexDrivers !== undefined) {
      const driver = v.flexVolume!.driver;
      if (!s.flexDrivers.has(driver)) {
        errs.push(fieldError.invalid(`${path}.driver`, goValue.string(driver), 'Flexvolume driver is not allowed to be used'));
      }
    } else if (type === 'csi' && s.csiDrivers !== undefined) {
      const driver = v.csi!.driver;
      if (!s.csiDrivers.has(driver)) {
        errs.push(fieldError.invalid(`${path}.csi.driver`, goValue.string(driver), 'Inline CSI driver is not allowed to be used'));
      }
    }
  }
}

/** Every mount of a read-only-only hostPath volume, in every container, must be read-only. */
function validateReadOnlyMounts(pod: PodTemplate, volumeName: string, errs: PspViolation[]): void {
  for (const kind of CONTAINER_KINDS) {
    const list = pod.spec[kind];
    if (list === undefined) continue;
    for (let c = 0; c < list.length; c++) {
      const mounts = list[c]!.volumeMounts ?? [];
      for (let m = 0; m < mounts.length; m++) {
        const mount = mounts[m]!;
        if (mount.name === volumeName && mount.readOnly !== true) {
          errs.push(fieldError.invalid(`spec.${kind}[${c}].volumeMounts[${m}].readOnly`, goValue.bool(false), 'must be read-only'));
        }
      }
    }
  }
}

export const VOLUMES: PspStrategy<VolumePolicy> = {
  id: 'volumes',
  compile: compileVolumesStrategy,
  validatePod: validateVolumes,
};
