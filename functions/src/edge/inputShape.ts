/**
 * Limits on the shape of any input from outside, checked before anything parses it: the
 * callable library's decoder and our own null-stripping are recursive, so an array nested a few
 * thousand deep would overflow the stack, and the decoder throws on any `@type` it does not know.
 * Checked without recursion. Far above anything a real form sends (depth ≤ 4, a few dozen values).
 */
export const INPUT_LIMITS = { depth: 32, values: 10_000 } as const;

export type ShapeProblem = "too-deep" | "too-many-values" | "reserved-key";

/** Keys no input of ours has: `@type` is the callable protocol's type tag; `__proto__` vanishes in parsing. */
const RESERVED_KEYS = ["@type", "__proto__"];

/** The first problem with the input's shape, or null when it is within the limits. */
export function inputShapeProblem(input: unknown): ShapeProblem | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: input, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    values += 1;
    if (values > INPUT_LIMITS.values) return "too-many-values";
    if (value === null || typeof value !== "object") continue;
    if (depth >= INPUT_LIMITS.depth) return "too-deep";
    if (!Array.isArray(value) && RESERVED_KEYS.some((key) => Object.hasOwn(value, key))) return "reserved-key";
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

interface Exchange {
  req: { method: string; body?: unknown };
  res: { status(code: number): { json(body: unknown): unknown; end(): unknown } };
}

/**
 * Wraps a Firebase request handler (a callable or a task queue function) so that a body whose
 * `data` is out of bounds is answered by `refuse` before the library decodes it. The wrapper keeps
 * the handler's own properties (`__endpoint`, `__trigger`, `run`): the deployment manifest and the
 * emulator read them.
 */
export function checkedBeforeDecoding<F>(inner: F, refuse: (problem: ShapeProblem, res: Exchange["res"]) => void): F {
  const handler = inner as unknown as (req: Exchange["req"], res: Exchange["res"]) => unknown;
  const guarded = (req: Exchange["req"], res: Exchange["res"]) => {
    const body = req.body as { data?: unknown } | undefined;
    const problem = req.method === "POST" ? inputShapeProblem(body?.data) : null;
    if (problem === null) return handler(req, res);
    refuse(problem, res);
    return undefined;
  };
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(inner))) {
    if (!["length", "name", "prototype"].includes(key)) Object.defineProperty(guarded, key, descriptor);
  }
  return guarded as unknown as F;
}
