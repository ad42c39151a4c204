/**
 * A memo that holds at most `capacity` values, dropping the least recently used one (build time:
 * work shared by pages rendered one after the other, without keeping a value per lesson of the
 * course for the whole build; issue 17). A Map keeps insertion order, so the first key is the
 * least recently used one once every hit moves its key to the end. Small enough not to need a package.
 */
export interface BoundedMemo<K, V> {
  /** The value for `key`, computed by `make` when it is not held (a hit makes it the most recent). */
  get(key: K, make: (key: K) => V): V;
  /** How many values are held (never more than the capacity). */
  readonly size: number;
}

export function boundedMemo<K, V>(capacity: number): BoundedMemo<K, V> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`boundedMemo: capacity must be a positive integer, got ${capacity}`);
  const held = new Map<K, V>();
  return {
    get(key, make) {
      if (held.has(key)) {
        const v = held.get(key) as V;
        held.delete(key);
        held.set(key, v);
        return v;
      }
      const v = make(key);
      held.set(key, v);
      if (held.size > capacity) held.delete(held.keys().next().value as K);
      return v;
    },
    get size() {
      return held.size;
    },
  };
}
