import { collection, connectFirestoreEmulator, getFirestore, limit, onSnapshot, orderBy, query, type Firestore } from "firebase/firestore";
import { useEffect, useState } from "preact/hooks";
import { COLLECTIONS } from "@schemas/collections.js";
import { closePartitionDoc, waveCloseDoc } from "@schemas/waveClose.js";
import { app, onEmulators } from "../firebase.js";
import { parseDocs, type WithId } from "./documents.js";
import type { z } from "zod";

/**
 * A wave's close, live (`waveCloses/{waveId}` and its partitions; admins and auditors read them,
 * firestore.rules). The rest of the app reads with the small "lite" SDK, which cannot listen: the
 * full SDK is imported here only, so only the console's lazily loaded chunk carries it.
 */

export type WaveClose = WithId<z.infer<typeof waveCloseDoc>>;
export type ClosePartition = WithId<z.infer<typeof closePartitionDoc>>;

/** The closes the console shows: the latest first (one wave closes at a time; the ones before stay for a while). */
export const CLOSES_SHOWN = 3;

let live: Firestore | null = null;

function liveDb(): Firestore {
  if (live !== null) return live;
  live = getFirestore(app);
  if (onEmulators) connectFirestoreEmulator(live, "127.0.0.1", 8080);
  return live;
}

export type Live<T> = { state: "loading" } | { state: "failed" } | { state: "ready"; value: T };

/** The latest closes, newest first, as they change (one single-field order: no composite index). */
export function useWaveCloses(): Live<WaveClose[]> {
  return useLive(
    (next, fail) =>
      onSnapshot(
        query(collection(liveDb(), COLLECTIONS.waveCloses), orderBy("startedAt", "desc"), limit(CLOSES_SHOWN)),
        (snapshot) => next(parseDocs(waveCloseDoc, snapshot.docs)),
        fail,
      ),
    [],
  );
}

/** Every partition of wave `waveId`'s close, in index order, as they change (at most 64 documents). */
export function useClosePartitions(waveId: string): Live<ClosePartition[]> {
  return useLive(
    (next, fail) =>
      onSnapshot(
        query(collection(liveDb(), COLLECTIONS.waveCloses, waveId, COLLECTIONS.closePartitions), orderBy("index")),
        (snapshot) => next(parseDocs(closePartitionDoc, snapshot.docs)),
        fail,
      ),
    [waveId],
  );
}

function useLive<T>(listen: (next: (value: T) => void, fail: (error: Error) => void) => () => void, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ state: "loading" });
  useEffect(() => {
    setState({ state: "loading" });
    return listen(
      (value) => setState({ state: "ready", value }),
      (error) => {
        console.error(error);
        setState({ state: "failed" });
      },
    );
  }, deps);
  return state;
}

/** The moment, every `seconds`: a lease lapses without a new snapshot, and the page must say so. */
export function useNow(seconds: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return now;
}
