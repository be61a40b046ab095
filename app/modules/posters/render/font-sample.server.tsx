/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * The brand kit page's sample of a face: the dealer name (bold, as the poster header sets it)
 * over the hotline and address (regular), drawn with the same fonts and renderer as posters.
 */
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { POSTER_FONTS, type PosterFontKey } from "./poster-catalog";
import { loadPosterFonts } from "./poster-fonts.server";

export const FONT_SAMPLE_SIZE = { width: 720, height: 150 };

export async function drawFontSample(options: {
  font: PosterFontKey;
  title: string;
  line: string;
  color: string;
}): Promise<Uint8Array> {
  const { width, height } = FONT_SAMPLE_SIZE;
  const fonts = await loadPosterFonts(options.font);
  const row = { display: "flex", whiteSpace: "nowrap", overflow: "hidden", width: width - 48 } as const;
  const svg = await satori(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "center",
        width,
        height,
        paddingLeft: 24,
        paddingRight: 24,
        background: "#ffffff",
        color: options.color,
        fontFamily: POSTER_FONTS[options.font].family,
      }}
    >
      <div style={{ ...row, fontSize: 52, fontWeight: 700, lineHeight: "68px" }}>{options.title}</div>
      {options.line ? (
        <div style={{ ...row, fontSize: 28, fontWeight: 400, lineHeight: "40px", opacity: 0.8 }}>
          {options.line}
        </div>
      ) : (
        <div style={{ display: "flex" }} />
      )}
    </div>,
    { width, height, fonts: fonts.satori },
  );
  const png = new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
