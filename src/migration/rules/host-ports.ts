import type { PolicyView } from '../types';
import { forbids, rangesText } from '../text';
import type { RuleLogic } from './rule-logic';

/** Valid host ports; PSS forbids every non-zero one, PSP checks only hostPort > 0 (PSP §5.4). */
const MIN_PORT = 1;
const MAX_PORT = 65535;

function openRanges(p: PolicyView): Array<{ min: number; max: number }> {
  return (p.spec.hostPorts ?? []).filter((r) => Math.max(r.min, MIN_PORT) <= Math.min(r.max, MAX_PORT));
}

/** PSP `hostPorts` ranges that contain a usable port (PSS `hostPorts`). */
export const HOST_PORTS_RULE: RuleLogic = {
  closedWhen: 'no `hostPorts` range contains a port from 1 to 65535',
  closes: (p) => openRanges(p).length === 0,
  gap: (p) => {
    const open = openRanges(p);
    const ports = open.map((r) => {
      const min = Math.max(r.min, MIN_PORT);
      const max = Math.min(r.max, MAX_PORT);
      return min === max ? `${min}` : `${min}-${max}`;
    });
    const single = ports.length === 1 && !ports[0]!.includes('-');
    const value = rangesText(open);
    return `hostPorts: ${value} lets pods use host ${single ? 'port' : 'ports'} ${ports.join(', ')}, ${forbids('baseline')}`;
  },
};
