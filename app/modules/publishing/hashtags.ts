/** `#用车技巧 #雨季` → ["用车技巧", "雨季"]: hashtags as platforms read them (up to a space or #). */
export function captionHashtags(caption: string): string[] {
  const found = new Set<string>();
  for (const match of caption.matchAll(/[#＃]([^\s#＃]+)/gu)) found.add(match[1]);
  return [...found];
}
