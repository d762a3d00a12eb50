/**
 * Freezes a value read once and shared by every caller of a process (the shipped routines and instruments): a
 * caller that changed it would change it for all the others, so such a write throws instead (ES modules are strict).
 * The map's own entries are frozen, not the map (a frozen Map still accepts `set`; it is typed read-only).
 */
export function deepFreeze<K, V>(map: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  for (const value of map.values()) freezeValue(value);
  return map;
}

function freezeValue(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) freezeValue(Reflect.get(value, key));
}
