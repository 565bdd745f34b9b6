import { VOLUME_SOURCE_TYPES } from '../../psp/strategies/volumes';
import { restrictedAllowsVolumeSource } from '../pss-probe';
import { forbids, listSubject } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

const ALL_VOLUMES = '*';
const HOST_PATH = 'hostPath';

/** PSP FSType → v1 volume source key (they differ only for cephFS → cephfs). */
const SOURCE_KEY_BY_FS_TYPE: ReadonlyMap<string, string> = new Map(VOLUME_SOURCE_TYPES.map(([key, type]) => [type, key]));

/** PSP `volumes` listing `*` or `hostPath` lets pods mount host paths (PSS `hostPathVolumes`). */
export const HOST_PATH_VOLUMES_RULE: RuleLogic = {
  closedWhen: '`volumes` lists neither `*` nor `hostPath` (`allowedHostPaths` only narrows the paths)',
  closes: (p) => !(p.spec.volumes ?? []).some((v) => v === ALL_VOLUMES || v === HOST_PATH),
  gap: (p) => {
    const offending = (p.spec.volumes ?? []).filter((v) => v === ALL_VOLUMES || v === HOST_PATH);
    return `${listSubject('volumes', p.spec.volumes, offending)} pods use hostPath volumes, ${forbids('baseline')}`;
  },
};

/**
 * Volume types the PSP allows that restricted does not. Types PSP cannot name (`image`) cannot
 * reach an admitted pod, and `projected` (including the service-account-token exception through
 * `secret`) is allowed by restricted anyway. Unknown names (an invalid PSP) allow nothing.
 */
function nonRestrictedTypes(p: PolicyView, minor: number): string[] {
  const out: string[] = [];
  for (const v of p.spec.volumes ?? []) {
    if (v === ALL_VOLUMES) {
      out.push(v);
      continue;
    }
    const key = SOURCE_KEY_BY_FS_TYPE.get(v);
    if (key !== undefined && !restrictedAllowsVolumeSource(key, minor) && !out.includes(v)) out.push(v);
  }
  return out;
}

/** PSP `volumes` beyond restricted's list (PSS `restrictedVolumes`). */
export const RESTRICTED_VOLUMES_RULE: RuleLogic = {
  closedWhen: '`volumes` lists only types restricted allows (configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret)',
  closes: (p, minor) => nonRestrictedTypes(p, minor).length === 0,
  gap: (p, minor) => {
    const offending = nonRestrictedTypes(p, minor);
    const what = offending.includes(ALL_VOLUMES) ? 'every volume type' : `${offending.join(', ')} volumes`;
    return `${listSubject('volumes', p.spec.volumes, offending)} pods use ${what}, ${forbids('restricted')}`;
  },
};
