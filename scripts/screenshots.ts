// Screenshots of studio pages at laptop and phone widths, for reviewing what a page looks like.
// Usage: tsx scripts/screenshots.ts <baseUrl> <email> <password> <outDir> <path> [path...]
import fs from "node:fs";
import path from "node:path";
import { launchBrowser } from "../tests/setup/browser";

const [baseUrl, email, password, outDir, ...paths] = process.argv.slice(2);
if (!baseUrl || !email || !password || !outDir || paths.length === 0) {
  console.error("usage: tsx scripts/screenshots.ts <baseUrl> <email> <password> <outDir> <path> [path...]");
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
for (const viewport of [
  { name: "laptop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/login")),
    page.click('button[type="submit"]'),
  ]);
  for (const p of paths) {
    await page.goto(`${baseUrl}${p}`);
    await page.waitForLoadState("networkidle");
    const file = path.join(outDir, `${viewport.name}-${p.replace(/[^a-z0-9]+/gi, "_") || "home"}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
}
await browser.close();
