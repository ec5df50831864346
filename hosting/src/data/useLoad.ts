import { useEffect, useState } from "preact/hooks";

export type Load<T> = { state: "loading" } | { state: "failed" } | { state: "ready"; value: T };

/** Runs `load` when `deps` change; a late answer for old deps is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setResult({ state: "loading" });
    load().then(
      (value) => current && setResult({ state: "ready", value }),
      (error: unknown) => {
        console.error(error);
        if (current) setResult({ state: "failed" });
      },
    );
    return () => {
      current = false;
    };
  }, deps);
  return result;
}
