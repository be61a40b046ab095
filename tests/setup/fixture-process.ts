import { spawn, type ChildProcess } from "node:child_process";
import { afterEach } from "vitest";

/**
 * Starts fixture scripts (`tests/fixtures/…`) on a test studio's data directory, each in its own
 * Node process with no tsx wrapper, so SIGKILL kills the fixture itself mid-job. Every process a
 * test started is killed after it.
 */
export function fixtureProcesses(dataDir: () => string) {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });
  return {
    children,
    start(script: string, stderr: "ignore" | "inherit" = "ignore"): ChildProcess {
      const child = spawn(process.execPath, ["--import", "tsx", script], {
        env: { ...process.env, DATA_DIR: dataDir(), LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", stderr],
      });
      child.stdout!.resume();
      children.push(child);
      return child;
    },
  };
}

/** Resolves once the process has printed `line` (a fixture's "ready"), fails if it exits first. */
export function printed(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (d) => {
      seen += d;
      if (seen.includes(line)) resolve();
    });
    child.once("exit", () => reject(new Error(`the process exited before it printed "${line}"`)));
  });
}
