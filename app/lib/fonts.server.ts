import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Noto Sans SC TTF files shipped by @expo-google-fonts/noto-sans-sc. The same files serve
 * ffmpeg (ASS subtitles, drawtext), pdfkit and poster rendering, so every output uses one face.
 */
const fontPackageDir = path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json"));

export const NOTO_SANS_SC_FAMILY = "Noto Sans SC";
export const notoSansScRegularPath = path.join(fontPackageDir, "400Regular", "NotoSansSC_400Regular.ttf");
export const notoSansScBoldPath = path.join(fontPackageDir, "700Bold", "NotoSansSC_700Bold.ttf");
