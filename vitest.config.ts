import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The web app's aliases (hosting/vite.config.ts), so unit tests can import its pure modules.
const functionsSrc = fileURLToPath(new URL("functions/src", import.meta.url));
const webAppAliases = [
  { find: /^@schemas\/(.+)$/, replacement: `${functionsSrc}/schemas/$1` },
  { find: /^@domain\/(regions\/index|eligibility)\.js$/, replacement: `${functionsSrc}/domain/$1.js` },
  { find: /^@domain\/(audit\/(?:acts|chain|verify))\.js$/, replacement: `${functionsSrc}/domain/$1.js` },
  { find: /^@domain\/(regions\/provinceData|beacon|draw\/estimate)\.js$/, replacement: `${functionsSrc}/domain/$1.js` },
];

/** Integration files that close and draw a wave of their own. */
const DRAW_FILES = ["tests/integration/waveDraw.test.ts", "tests/integration/waveClose.test.ts"];

/**
 * Five suites. `npm test` starts the local stack first and runs them all; the unit suite
 * alone needs no emulator (`npx vitest run --project unit`).
 */
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias: webAppAliases }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], pool: "threads", sequence: { groupOrder: 0 } } },
      {
        test: {
          name: "rules",
          include: ["tests/rules/**/*.test.ts"],
          setupFiles: ["tests/support/require-stack.ts"],
          testTimeout: 20_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: DRAW_FILES,
          setupFiles: ["tests/support/require-stack.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The pool is everyone who joined and was not drawn: a close takes every applicant another
        // file joined meanwhile. In production one wave closes at a time (createWave's rule); these
        // files seed their waves directly, so they run one after another in a group of their own,
        // never beside the files that join people, and empty the pool of carry-overs first.
        test: {
          name: "draws",
          include: DRAW_FILES,
          setupFiles: ["tests/support/require-stack.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          setupFiles: ["tests/support/require-stack.ts"],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
