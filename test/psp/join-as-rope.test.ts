/**
 * joinAsRope (src/psp/admit.ts) builds the rejection reason's `[...]` list as a rope instead of
 * with `join` (performance, issue 6). It must be the same string, and a rope as deep as the
 * largest accepted request can make (100 containers × 1,000 policies × a dozen errors each) must
 * read, serialise and go into a Response in workerd like any other string.
 */
import { describe, expect, it } from 'vitest';
import { joinAsRope } from '../../src/psp/admit';

describe('joinAsRope', () => {
  it('is join: empty, one part, empty parts, multi-character separators', () => {
    for (const parts of [[], ['a'], ['', ''], ['a', '', 'b'], ['x', 'y', 'z']]) {
      expect(joinAsRope(parts, ' ')).toBe(parts.join(' '));
      expect(joinAsRope(parts, ', ')).toBe(parts.join(', '));
    }
  });

  it('a rope of 1.2 million parts reads, serialises and answers as the joined string', async () => {
    const parts = Array.from({ length: 1_200_000 }, (_, i) => `spec.containers[${i % 100}].securityContext.privileged: Invalid value: ${i}`);
    const rope = joinAsRope(parts, ' ');
    const joined = parts.join(' ');
    expect(JSON.stringify({ reason: rope })).toBe(JSON.stringify({ reason: joined }));
    expect(await new Response(`[${joinAsRope(parts, ' ')}]`).text()).toBe(`[${joined}]`);
    expect(joinAsRope(parts, ' ').endsWith(': 1199999')).toBe(true);
    expect(rope).toBe(joined);
  });
});
