/**
 * The last `limit` values computed per key. A learner runs and checks the same program
 * again and again, and its SQL comes back statement for statement: formatting and
 * colouring it again was most of the main thread's work after each Check.
 */
export function lastUsed<T>(limit = 400) {
  const kept = new Map<string, T>();
  const keep = (key: string, value: T) => {
    // Most recently used last: a Map keeps insertion order, so its first key is the oldest.
    kept.delete(key);
    kept.set(key, value);
    if (kept.size > limit) kept.delete(kept.keys().next().value as string);
  };
  return {
    has: (key: string) => kept.has(key),
    /** The value kept for `key`, computed now if none is. */
    get(key: string, compute: () => T): T {
      const value = kept.has(key) ? (kept.get(key) as T) : compute();
      keep(key, value);
      return value;
    },
    set: keep,
    forget: (key: string) => void kept.delete(key),
  };
}
