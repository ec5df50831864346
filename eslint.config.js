// ESLint, type-aware (typescript-eslint), for the functions, the web app, the tests and the scripts.
// Formatting is Prettier's (.prettierrc.json): no stylistic rules here. A rule switched off below
// says why; a rule silenced on one line says why on that line.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "functions/lib/**", "hosting/dist/**", "**/*.js", "**/*.cjs", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always"],
      // Preact event handlers may be async: each catches its own failures and shows them; the
      // promise an attribute drops is never the only place an error goes.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Components and hooks hand out plain functions (t, onChange…) declared in method syntax in
    // their prop types; none of them reads `this`.
    files: ["hosting/src/**/*.tsx", "tests/rules/**/*.ts"],
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
  {
    // Test fakes implement asynchronous ports with values at hand: `async` without `await` is the
    // point. vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed `any`.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/require-await": "off", "@typescript-eslint/no-unsafe-assignment": "off" },
  },
);
