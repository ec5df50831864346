import { defineConfig } from "vitest/config";

/**
 * Four suites. `npm test` starts the local stack first and runs them all; the unit suite
 * alone needs no emulator (`npx vitest run --project unit`).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { test: { name: "rules", include: ["tests/rules/**/*.test.ts"], setupFiles: ["tests/support/require-stack.ts"], testTimeout: 20_000 } },
      { test: { name: "integration", include: ["tests/integration/**/*.test.ts"], setupFiles: ["tests/support/require-stack.ts"], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], setupFiles: ["tests/support/require-stack.ts"], testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false } },
    ],
  },
});
