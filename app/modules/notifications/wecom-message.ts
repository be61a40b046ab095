/**
 * A robot takes at most 4096 bytes of markdown. The stored values are clipped to 300 characters
 * each, so only a long list of names could pass that: it is cut after this many.
 */
export const WECOM_MAX_NAMES = 20;

export interface WecomMarkdownMessage {
  msgtype: "markdown";
  markdown: { content: string };
}

/** Markdown control characters would restyle a title or a reason typed by a person. */
function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

/**
 * The body a WeCom group robot takes (`{"msgtype":"markdown","markdown":{"content":…}}`): the
 * sentence, who it is for, and a link into the studio.
 */
export function wecomMarkdown(options: {
  heading: string;
  text: string;
  names: string[];
  forLabel: string;
  url: string;
  openLabel: string;
}): WecomMarkdownMessage {
  const lines = [
    `**${plain(options.heading)}**`,
    `> ${plain(options.text)}`,
    options.names.length
      ? `> ${options.forLabel}${options.names
          .slice(0, WECOM_MAX_NAMES)
          .map((n) => `@${plain(n)}`)
          .join(" ")}${options.names.length > WECOM_MAX_NAMES ? " …" : ""}`
      : "",
    `[${plain(options.openLabel)}](${options.url})`,
  ].filter(Boolean);
  return { msgtype: "markdown", markdown: { content: lines.join("\n") } };
}
