/**
 * Shared building blocks of check messages, mirroring policy/helpers.go and policy/visitor.go of
 * k8s.io/pod-security-admission.
 */
import type { Container, PodSpec } from '../k8s/types';
import type { CheckResult } from './types';

/** The one allowed result; shared so that allowed checks allocate nothing. */
export const ALLOWED: CheckResult = Object.freeze({ allowed: true });

export function forbidden(reason: string, detail: string): CheckResult {
  return { allowed: false, reason, detail };
}

/**
 * Calls fn for every container in the library's visit order: initContainers, containers, then
 * ephemeralContainers (visitContainers in visitor.go also walks ephemeral containers, although
 * most check comments list only the first two).
 */
export function visitContainers(spec: PodSpec, fn: (c: Container) => void): void {
  const init = spec.initContainers;
  if (init !== undefined) for (const c of init) fn(c);
  for (const c of spec.containers) fn(c);
  const eph = spec.ephemeralContainers;
  if (eph !== undefined) for (const c of eph) fn(c);
}

/** pluralize(singular, plural, n): singular only when n is exactly 1. */
export function pluralize(singular: string, plural: string, n: number): string {
  return n === 1 ? singular : plural;
}

/** joinQuote: each item wrapped in double quotes, not escaped, joined by `, `. */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

/** `container "a"` / `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/**
 * Go's string order (byte order of UTF-8), which is code point order. JS `<` compares UTF-16
 * code units; the two differ only when a surrogate (code point above U+FFFF) meets U+E000–U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) return fixupSurrogate(x) - fixupSurrogate(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

function fixupSurrogate(c: number): number {
  return c >= 0xe000 ? c - 0x800 : c + 0x2000;
}

/** sets.List / sets.NewString().List(): de-duplicated and sorted in Go string order. */
export function sortedSet(values: Iterable<string>): string[] {
  return Array.from(new Set(values)).sort(compareGoStrings);
}

/** `spec.os.name: windows`: the v1.25+ exemptions of Linux-only restricted checks. */
export function isWindowsPod(spec: PodSpec): boolean {
  return spec.os?.name === 'windows';
}

/** `spec.hostUsers: false` (explicitly; unset means host users): the v1.35+ user-namespace relaxations. */
export function usesUserNamespace(spec: PodSpec): boolean {
  return spec.hostUsers === false;
}
