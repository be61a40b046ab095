import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const alias = { "~": path.join(root, "app"), "~db": path.join(root, "db") };

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    // Media encodes and the browser share two cores: keep files from starving each other.
    maxWorkers: 2,
    // The test receivers (publishers, CRM, WeCom) listen on loopback, which the studio refuses
    // to send webhooks to unless allowed; one test clears this to see the refusal.
    env: { WEBHOOK_ALLOW_PRIVATE_HOSTS: "127.0.0.1,localhost,::1" },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          expect: { poll: { timeout: 10_000, interval: 50 } },
          root,
          include: ["app/**/*.test.ts", "db/**/*.test.ts", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/unit-global.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          // Pages wait on a real server and browser sharing two cores: give polls room.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          root,
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/e2e-global.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
