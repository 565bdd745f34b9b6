import { describe, expect, it } from 'vitest';
import { DECISIONS, REASON, decisionSpecSection } from '../../src/cis';
import type { DecisionCode } from '../../src/cis/decisions';

describe('decision points (spec §4.4, §5, §6)', () => {
  it('every decision has a unique decision-* code and cites a spec section', () => {
    const codes = DECISIONS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of DECISIONS) {
      expect(d.code).toMatch(/^decision-[a-z0-9-]+$/);
      expect(decisionSpecSection(d.code as DecisionCode)).toMatch(/^§\d+(\.\d+)?(\/§\d+(\.\d+)?)*$/);
    }
  });

  it('decision texts are printable ASCII: answers carry them, and workerd sends an ASCII answer by a straight copy', () => {
    for (const d of DECISIONS) expect(d.message, d.code).toMatch(/^[\x20-\x7e]+$/);
  });

  it('covers the decision points the spec names explicitly', () => {
    expect(DECISIONS.map((d) => d.code)).toEqual(
      expect.arrayContaining([
        'decision-capability-drop-spelling', // §4.4 CAP_ drops
        'decision-empty-policy-set', // §5 empty PSP set
        'decision-root-windows', // §5.5 windows
        'decision-root-host-users', // §5.5 hostUsers
        'decision-host-port-defaulting', // §5.11
        'decision-quantifier', // §5
        'decision-container-scope', // §4.2
        'decision-psp-escalation-default', // §6.1
      ]),
    );
  });

  it('reason codes are stable kebab-case strings', () => {
    const codes = Object.values(REASON);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(codes).toEqual(expect.arrayContaining(['explicit-root', 'unverified-user', 'privileged', 'net-raw-not-dropped', 'non-canonical-drop']));
  });
});
