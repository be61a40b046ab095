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

/**
 * What made the shared studio slow during the run, for a failed browser test to be read against:
 * the event loop's stalls (with the process: web or jobs), the errors it logged and the requests
 * that took over 5 s.
 */
function slowSpots(output: string): string[] {
  return output.split("\n").filter((line) => {
    if (line.includes('"event loop stalled"') || line.startsWith('{"level":50')) return true;
    // What a route threw, as Remix prints it (the first line of the stack).
    if (/^[A-Z]\w*Error: /.test(line)) return true;
    const ms = /"msg":"request".*"ms":(\d+)/.exec(line)?.[1];
    return ms !== undefined && Number(ms) > 5_000;
  });
}

export async function teardown() {
  if (!server) return;
  const slow = slowSpots(server.output());
  if (slow.length > 0)
    console.log(`The browser tests' studio was slow or failed at times:\n${slow.slice(-40).join("\n")}`);
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
