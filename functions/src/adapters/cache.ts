/** A value loaded at most once per `ttlMs`; callers within that time share one load, a failed load is not kept. */
export function cached<T>(load: () => Promise<T>, ttlMs: number, now: () => number): () => Promise<T> {
  let held: { since: number; value: Promise<T> } | null = null;
  return () => {
    const at = now();
    if (held === null || at - held.since >= ttlMs) {
      const value = load();
      held = { since: at, value };
      value.catch(() => {
        if (held?.value === value) held = null;
      });
    }
    return held.value;
  };
}
