// npm run bench: every benchmark, each against a baseline measured in the same run.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter(
    (f) => f.endsWith(".ts") && !["run-all.ts", "bench-utils.ts"].includes(f) && !f.endsWith(".test.ts"),
  )
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, "")));
for (const file of benches) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { main?: () => Promise<void> };
  if (mod.main) await mod.main();
}
