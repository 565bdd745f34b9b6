/**
 * apimachinery's equality.Semantic.DeepEqual on JSON (§3.4): an absent slice equals an empty one and
 * an absent map equals an empty one, but an absent pointer differs from a pointer to an empty struct
 * (`securityContext` absent ≠ `{}`). JSON does not say which objects are Go maps and which scalars
 * are non-pointer fields (where absent = zero value), so the tables below name them; fields not
 * listed are treated as pointers.
 */

/** JSON keys whose values are Go maps in the pod types. */
const MAP_FIELDS: ReadonlySet<string> = new Set([
  'annotations',
  'labels',
  'nodeSelector',
  'overhead',
  'limits',
  'requests',
  'volumeAttributes',
  'options',
  'nodePublishSecretRef',
]);

/** JSON keys that are non-pointer scalars in the pod types: absent equals the zero value. */
const NON_POINTER_SCALARS: ReadonlySet<string> = new Set([
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'selfLink',
  'image',
  'imagePullPolicy',
  'workingDir',
  'stdin',
  'stdinOnce',
  'tty',
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'hostname',
  'subdomain',
  'nodeName',
  'serviceAccountName',
  'serviceAccount',
  'schedulerName',
  'priorityClassName',
  'restartPolicy',
  'dnsPolicy',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'containerPort',
  'hostPort',
  'hostIP',
  'protocol',
  'readOnly',
  'mountPath',
  'subPath',
  'subPathExpr',
]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Absent compared with a present value `v` under `key`. */
function equalsAbsent(key: string, v: unknown): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return MAP_FIELDS.has(key) && Object.keys(v).length === 0;
  return NON_POINTER_SCALARS.has(key) && (v === '' || v === false || v === 0);
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  for (const key in a) {
    const av = a[key];
    const bv = b[key];
    if (av === bv) continue;
    if (av === undefined || bv === undefined) {
      if (!equalsAbsent(key, av === undefined ? bv : av)) return false;
    } else if (!semanticEqual(av, bv)) {
      return false;
    }
  }
  for (const key in b) {
    if (key in a && a[key] !== undefined) continue;
    if (!equalsAbsent(key, b[key])) return false;
  }
  return true;
}
