import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";

/**
 * Writes bytes beside `target` (`<target>.<random>.part`) and renames them into place, so a
 * half-written file is never visible and a re-run simply replaces it. A failed write leaves no
 * temporary file behind. The target's folder must exist.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = `${target}.${randomBytes(4).toString("hex")}.part`;
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
