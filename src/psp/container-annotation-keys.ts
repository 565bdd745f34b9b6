/**
 * The pod annotation keys that hold a container's seccomp and AppArmor profiles
 * (`<prefix><container name>`), remembered per name. Strategies read them per policy × container;
 * a key built afresh each time must be flattened, hashed and looked up before it can index the
 * annotations (measured: ~140 ns a read, ~15 ns with a remembered key).
 */
import { StringMemo } from '../k8s/string-memo';
import { ANNOTATION } from './fields';

/** Names remembered per prefix before the memo starts over. */
export const CONTAINER_KEY_MEMO_SIZE = 512;

const SECCOMP_KEYS = new StringMemo(CONTAINER_KEY_MEMO_SIZE, (name) => ANNOTATION.seccompContainerPrefix + name);
const APP_ARMOR_KEYS = new StringMemo(CONTAINER_KEY_MEMO_SIZE, (name) => ANNOTATION.appArmorContainerPrefix + name);

/** `container.seccomp.security.alpha.kubernetes.io/<name>`. */
export function seccompContainerKey(name: string): string {
  return SECCOMP_KEYS.get(name);
}

/** `container.apparmor.security.beta.kubernetes.io/<name>`. */
export function appArmorContainerKey(name: string): string {
  return APP_ARMOR_KEYS.get(name);
}
