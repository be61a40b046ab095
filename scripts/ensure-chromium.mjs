// Runs before `npm test` (the `pretest` script): the browser tests drive Debian's Chromium, so make
// sure it is there. When it is missing and this user may install packages (root, or sudo without a
// password), install it with apt-get; otherwise stop at once and say the one command to run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const INSTALL_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium";

function canRun(command, args) {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/** How this user may install Debian packages: directly as root, through sudo, or not at all. */
function installer() {
  if (!canRun("apt-get", ["--version"])) return null;
  if (process.getuid?.() === 0) return [];
  if (canRun("sudo", ["-n", "true"])) return ["sudo", "-n"];
  return null;
}

function run(prefix, args) {
  const [command, ...rest] = [...prefix, ...args];
  const result = spawnSync(command, rest, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM_PATH)) return 0;
  const prefix = process.env.ENSURE_CHROMIUM_NO_INSTALL === "1" ? null : installer();
  if (!prefix) {
    console.error(
      `Chromium is missing (${CHROMIUM_PATH}); the browser tests need it. Run:\n\n  ${INSTALL_COMMAND}\n`,
    );
    return 1;
  }
  console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
  const ok =
    run(prefix, ["apt-get", "update"]) &&
    run(prefix, ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]);
  if (!ok || !fs.existsSync(CHROMIUM_PATH)) {
    console.error(`Installing Chromium failed. Run:\n\n  ${INSTALL_COMMAND}\n`);
    return 1;
  }
  console.log(`Chromium installed at ${CHROMIUM_PATH}.`);
  return 0;
}

process.exitCode = ensureChromium();
