import { useEffect, useRef, useState } from "preact/hooks";

/**
 * What a list of decisions on `/pembayaran` says after one: a decided item leaves the list when
 * the figures are read again (`onChanged`), so what was done is said above it, and focus moves
 * there for screen readers.
 */
export function useDecided(onChanged: () => void) {
  const [done, setDone] = useState<string | null>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => shown.current?.focus(), [done]);
  const decided = (text: string) => {
    setDone(text);
    onChanged();
  };
  return { done, shown, decided };
}
