/**
 * A value made once and taken by exactly `uses` readers, then forgotten (issue 17: both deck pages of
 * a lesson take one render and slide split, and a module's handout and plan one reading of its lessons;
 * the memo must not grow with the course). At most
 * `maxHeld` values are held, the oldest dropped first, so readers that come in another order only
 * cost a second make, never memory. Pure: unit-tested in tests/unit/classroom-shared.test.ts.
 */
export function sharedBy<V>(uses: number, maxHeld: number): (key: string, make: () => V) => V {
  const held = new Map<string, { value: V; left: number }>();
  return (key, make) => {
    let h = held.get(key);
    if (!h) {
      h = { value: make(), left: uses };
      held.set(key, h);
      for (const k of held.keys()) {
        if (held.size <= maxHeld) break;
        held.delete(k); // insertion order: the oldest first
      }
    }
    if (--h.left <= 0) held.delete(key);
    return h.value;
  };
}
