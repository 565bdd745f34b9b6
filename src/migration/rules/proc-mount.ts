import { andList, listSubject } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

const DEFAULT_PROC_MOUNT = 'Default';
/** PSS procMount v1.35 exempts pods with hostUsers: false; procMount_restricted does not. */
const HOST_USERS_RELAXATION_MINOR = 35;

/** PSP §5.11: an empty list allows only Default. */
function offending(p: PolicyView): string[] {
  return (p.spec.allowedProcMountTypes ?? []).filter((t) => t !== DEFAULT_PROC_MOUNT);
}

function procMountRule(level: 'baseline' | 'restricted'): RuleLogic {
  return {
    closedWhen: '`allowedProcMountTypes` is empty or only `Default`',
    closes: (p) => offending(p).length === 0,
    gap: (p, minor) => {
      const bad = offending(p);
      const tail =
        level === 'baseline'
          ? minor >= HOST_USERS_RELAXATION_MINOR
            ? 'which baseline forbids unless the pod sets hostUsers: false'
            : 'which baseline forbids'
          : 'which restricted forbids even with hostUsers: false';
      return `${listSubject('allowedProcMountTypes', p.spec.allowedProcMountTypes, bad)} containers set procMount ${andList(bad)}, ${tail}`;
    },
  };
}

/** PSS `procMount` (baseline) and `procMount_restricted` (v1.35+, overrides it at restricted). */
export const PROC_MOUNT_BASELINE_RULE = procMountRule('baseline');
export const PROC_MOUNT_RESTRICTED_RULE = procMountRule('restricted');
