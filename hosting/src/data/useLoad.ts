import { useEffect, useState } from "preact/hooks";

export type Load<T> = { state: "loading" } | { state: "failed" } | { state: "ready"; value: T };

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Runs `load` when `deps` change; a late answer for old deps is dropped. From the render in which
 * `deps` change, the answer is "loading": what was loaded for the old deps is never shown under
 * the new ones (a dashboard's title would otherwise name a regency above its province's table).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Load<T> {
  const [result, setResult] = useState<{ deps: readonly unknown[]; load: Load<T> }>({ deps, load: { state: "loading" } });
  useEffect(() => {
    let current = true;
    setResult({ deps, load: { state: "loading" } });
    load().then(
      (value) => current && setResult({ deps, load: { state: "ready", value } }),
      (error: unknown) => {
        console.error(error);
        if (current) setResult({ deps, load: { state: "failed" } });
      },
    );
    return () => {
      current = false;
    };
  }, deps);
  return sameDeps(result.deps, deps) ? result.load : { state: "loading" };
}
