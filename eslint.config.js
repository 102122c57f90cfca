// Lint for defects, not for looks: layout is Biome's job (`pnpm format:check`). Rules that read
// types (promises left floating, async callbacks where a sync one is expected) run on the
// published sources only, where they matter and where the type program is already built.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/*.generated.ts", "examples/**", "eval/**", "schemas/**", "coverage/**", "test-output/**", "bench-output/**", ".cache/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: {
        // Node and browser globals the sources and scripts use; TypeScript checks the rest.
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        fetch: "readonly",
        performance: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-self-compare": "error",
      "no-unreachable-loop": "error",
      "no-template-curly-in-string": "error",
      "no-constructor-return": "error",
      // Escaping and sanitising code matches control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    files: ["packages/*/src/**/*.ts", "action/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.testing.ts", "**/__fixtures__/**"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/only-throw-error": "error",
    },
  },
);
