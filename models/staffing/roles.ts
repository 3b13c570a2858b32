import { normaliseHeader } from '../schema/fields';
import type { StaffingConfig } from './config';

/**
 * The key a role is compared by: "Assistant Principal", "assistant_principal" and
 * "ASSISTANT-PRINCIPAL" are one role; a configured alias maps a district's title onto a rule's role.
 */
export function roleKeyer(cfg: Pick<StaffingConfig, 'roleAliases'>): (role: string) => string {
  const aliases = new Map<string, string>();
  for (const [from, to] of Object.entries(cfg.roleAliases)) aliases.set(normaliseHeader(from), normaliseHeader(to));
  const cache = new Map<string, string>();
  return (role: string) => {
    let key = cache.get(role);
    if (key === undefined) {
      const n = normaliseHeader(role);
      key = aliases.get(n) ?? n;
      cache.set(role, key);
    }
    return key;
  };
}
