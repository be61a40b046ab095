import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { buildApp, startServer, type RunningServer } from "./studio-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

let server: RunningServer | undefined;

/** One production build and one server (with the demo seed) shared by the browser tests. */
export async function setup(project: TestProject) {
  buildApp();
  server = await startServer();
  project.provide("baseUrl", server.baseUrl);
  project.provide("dataDir", server.dataDir);
}

export async function teardown() {
  if (!server) return;
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
