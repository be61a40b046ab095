// The studio's job process: started and supervised by scripts/start.mjs (never by hand), it loads
// the same build and runs every job lane and the publishing ticker, so a long synchronous step of
// a job (a PDF layout, a poster drawing) never holds up a page or an API call. Decision 0049.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NODE_ENV ??= "production";
const build = await import(pathToFileURL(path.join(root, "build", "index.js")).href);
await build.entry.module.runJobProcess();
