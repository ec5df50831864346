import { useEffect, useState } from "preact/hooks";

/** The time now, renewed every `everyMs` while the component is shown (a countdown's tick). */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
