/** The colours the book is printed in (body text, accents, box tints, cover). */
export const INK = "#1f2328";
export const MUTED = "#6b7280";
export const ACCENT = "#b42318";
export const LINK = "#1d4ed8";
export const TINTS = { tip: "#e8f3ee", warning: "#fdf1e6", code: "#f3f4f6", quote: "#f7f7f8" } as const;
export const TIP_COLORS = { tip: "#137a4a", warning: "#b45309" } as const;
export const COVER_COLOR = "#14375e";
