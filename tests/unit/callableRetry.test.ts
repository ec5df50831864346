import { describe, expect, it } from "vitest";
import { isRetried, retryOnce } from "../../hosting/src/data/retry.js";

const failing = (code: string) => Object.assign(new Error(code), { code: `functions/${code}` });

/** A callable that answers each call from a script: an error to throw, or a value. */
function scripted<T>(...answers: (T | Error)[]) {
  const inputs: unknown[] = [];
  const call = async (input: unknown): Promise<T> => {
    inputs.push(input);
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer as T;
  };
  return { call, inputs };
}

const noPause = async () => undefined;

describe("retrying a callable once", () => {
  it.each(["aborted", "unavailable", "deadline-exceeded"])("when a call fails with %s, then it is sent once more with the same input", async (code) => {
    const input = { requestId: "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e", email: "op@example.id" };
    const { call, inputs } = scripted<string>(failing(code), "granted");
    await expect(retryOnce(() => call(input), noPause)).resolves.toBe("granted");
    expect(inputs).toEqual([input, input]);
    expect(inputs[1]).toBe(inputs[0]);
  });

  it("when the retry fails too, then its error is thrown and nothing more is sent", async () => {
    const { call, inputs } = scripted<string>(failing("aborted"), failing("unavailable"), "never");
    await expect(retryOnce(() => call({}), noPause)).rejects.toMatchObject({ code: "functions/unavailable" });
    expect(inputs).toHaveLength(2);
  });

  it.each(["failed-precondition", "permission-denied", "already-exists", "invalid-argument", "internal", "unauthenticated"])(
    "when a call fails with %s, then it is not sent again",
    async (code) => {
      const { call, inputs } = scripted<string>(failing(code), "never");
      await expect(retryOnce(() => call({}), noPause)).rejects.toMatchObject({ code: `functions/${code}` });
      expect(inputs).toHaveLength(1);
    },
  );

  it("when a call succeeds, then it is sent once and nothing waits", async () => {
    let paused = false;
    const { call, inputs } = scripted<string>("ok");
    await expect(
      retryOnce(
        () => call({}),
        async () => void (paused = true),
      ),
    ).resolves.toBe("ok");
    expect(inputs).toHaveLength(1);
    expect(paused).toBe(false);
  });

  it("when the error is not a callable's (no code), then it is not retried", () => {
    expect(isRetried(new Error("network"))).toBe(false);
    expect(isRetried(undefined)).toBe(false);
  });
});
