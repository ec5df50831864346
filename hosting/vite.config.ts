import { fileURLToPath } from "node:url";
import { createLogger, defineConfig } from "vite";
import preact from "@preact/preset-vite";

// The zod schemas are shared with the Cloud Functions and live in functions/src: one source
// of truth for what the server accepts, so the form shows exactly the server's messages.
// Only `@schemas/<module>.js` resolves here, so values come from the one module that holds
// them; the barrel (`@schemas`, types only, see tsconfig.json) also re-exports schemas with
// big tables (the region list) that would otherwise land in every visitor's download.
const schemasDir = fileURLToPath(new URL("../functions/src/schemas", import.meta.url));
// Pure domain modules the registration form needs (region pickers, occupation and reason codes).
// Named one by one: the rest of domain/ is for the functions (privacy.ts needs node:crypto).
const domainDir = fileURLToPath(new URL("../functions/src/domain", import.meta.url));
const PURE_DOMAIN = /^@domain\/(regions\/index|eligibility)\.js$/;
const root = fileURLToPath(new URL("..", import.meta.url));

// zod's sources carry /* @__PURE__ */ hints where Rollup cannot use them; Rollup drops them and
// says so at length on every build. Nothing is wrong with our code or the bundle: keep it quiet.
const logger = createLogger();
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (message.includes("contains an annotation that Rollup cannot interpret") && message.includes("node_modules/zod/")) return;
  warn(message, options);
};

export default defineConfig({
  customLogger: logger,
  plugins: [preact()],
  resolve: {
    alias: [
      { find: /^@schemas\/(.+)$/, replacement: `${schemasDir}/$1` },
      { find: PURE_DOMAIN, replacement: `${domainDir}/$1.js` },
      // The audit log's hash chains (SHA-256 from @noble/hashes, no node:crypto): the auditor's page checks them in the browser.
      { find: /^@domain\/(audit\/(?:acts|chain|verify))\.js$/, replacement: `${domainDir}/$1.js` },
      // The transparency pages: provinces' names only (not the whole region table), the beacon's round times, positions from ranks, a priority list's seats.
      { find: /^@domain\/(regions\/provinceData|beacon|draw\/estimate|priority)\.js$/, replacement: `${domainDir}/$1.js` },
    ],
  },
  server: { fs: { allow: [root] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
  },
});
