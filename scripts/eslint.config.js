// Lint rules for the whole project (run through `npm run lint`).
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

// Page actions answer with reply() (app/lib/reply.server.ts); components read it with one hook.
const USE_ACTION_REPLY = {
  name: "@remix-run/react",
  importNames: ["useActionData"],
  message: "Read an action's answer with useActionReply() from ~/components/use-action-reply.",
};

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "data/**", "bench/**", "db/migrations/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  // Layers (docs/architecture.md): routes hold no SQL, modules know nothing of Remix or React,
  // components never reach server code, and only the date module knows about time zones.
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"],
              message: "Routes hold no SQL: call a use case in app/modules.",
            },
            {
              group: ["~db/*", "**/db/*", "~/lib/db.server"],
              message: "Routes hold no SQL: call a use case in app/modules.",
            },
          ],
          paths: [USE_ACTION_REPLY],
        },
      ],
      // A page's body is read through the capped reader (1 MiB, 1,000 fields); uploads stream.
      "no-restricted-properties": [
        "error",
        { object: "request", property: "formData", message: "Read a form with readForm(request)." },
      ],
    },
  },
  {
    files: ["app/modules/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@remix-run/*", "react", "react-dom", "react/*", "react-dom/*"],
              message: "Modules are the domain: no Remix or React. Return a Result; the route answers.",
            },
            {
              group: ["~/components/*", "**/components/*"],
              message: "Modules may not import UI components.",
            },
          ],
        },
      ],
    },
  },
  {
    // Poster templates are React components that satori draws on the server (decision 0036):
    // they may use React's JSX and types, and nothing else the module rule refuses.
    files: ["app/modules/posters/render/templates/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@remix-run/*", "react-dom", "react-dom/*"],
              message: "Poster templates draw with satori on the server: no Remix, no DOM rendering.",
            },
            {
              group: ["~/components/*", "**/components/*"],
              message: "Modules may not import UI components.",
            },
            {
              group: ["**/*.server", "*.server"],
              message: "Templates are pure drawing: the renderer hands them everything they need.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.server", "*.server"],
              message:
                "Components run in the browser: import types from a plain .ts file, not a .server module.",
            },
          ],
          paths: [USE_ACTION_REPLY],
        },
      ],
    },
  },
  {
    // The one reader of action data.
    files: ["app/components/use-action-reply.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    // Tests may spell out offsets to assert on them.
    ignores: ["app/lib/dates.ts", "app/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Intl'][property.name='DateTimeFormat']",
          message: "Format dates with ~/lib/dates (the one date module).",
        },
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message: "Format dates and numbers with ~/lib/dates (the one date module).",
        },
        {
          selector: "Literal[value=/^(UTC|GMT)?[+-]\\d{1,2}(:?\\d{2})?$/]",
          message: "No hard-coded UTC offsets: use the studio time zone through ~/lib/dates.",
        },
        {
          selector: "BinaryExpression[operator='*'] > Literal[raw=/^3_?600_?000$/]",
          message: "No hard-coded UTC offsets: use the studio time zone through ~/lib/dates.",
        },
      ],
    },
  },
  // Formatting belongs to Prettier (`npm run format`); turn off the rules that would fight it.
  prettier,
);
