/**
 * Policy versions (api.Version in k8s.io/pod-security-admission): `latest` or `v1.<minor>`.
 *
 * Internally a version is its minor number (the major is always 1); `latest` is +Infinity so it
 * compares newer than every numbered version.
 */

/** api/helpers.go versionRegexp: no leading zeros, no patch, major 1 only. */
const VERSION_RE = /^v1\.([0-9]|[1-9][0-9]*)$/;

/** Go's strconv.Atoi limit on 64-bit: larger minors fail to parse upstream (invalid version). */
const MAX_INT64 = '9223372036854775807';

/** Upstream's error text for an invalid version (api.ParseVersion). */
export const INVALID_VERSION_ERROR = 'must be "latest" or "v1.x"';

/**
 * The newest policy version this implementation knows: the library at the fixtures' commit
 * (kubernetes/pod-security-admission 8f84a87c, 1.37 development cycle). `latest` and newer
 * requested versions are evaluated as this version. A test asserts it equals the largest minimum
 * version in the check registry.
 */
export const PSS_MAX_VERSION = 'v1.37';
export const PSS_MAX_MINOR = 37;

export const LATEST_MINOR = Number.POSITIVE_INFINITY;

/** Parses `latest` / `v1.N` to a minor number (+Infinity for latest); undefined when invalid. */
export function parseMinor(version: string): number | undefined {
  if (version === 'latest') return LATEST_MINOR;
  const m = VERSION_RE.exec(version);
  const digits = m?.[1];
  if (digits === undefined) return undefined;
  if (digits.length > MAX_INT64.length || (digits.length === MAX_INT64.length && digits > MAX_INT64)) {
    return undefined;
  }
  return Number(digits);
}

/** The policy version actually evaluated: requested versions newer than the maximum clamp to it. */
export function resolveMinor(minor: number): number {
  return minor > PSS_MAX_MINOR ? PSS_MAX_MINOR : minor;
}

export function formatMinor(minor: number): string {
  return minor === LATEST_MINOR ? 'latest' : `v1.${minor}`;
}

/** Compares two valid version strings: negative if a is older than b. */
export function compareVersions(a: string, b: string): number {
  const x = parseMinor(a);
  const y = parseMinor(b);
  if (x === undefined || y === undefined) throw new RangeError(`invalid version: ${x === undefined ? a : b}`);
  return x === y ? 0 : x < y ? -1 : 1;
}
