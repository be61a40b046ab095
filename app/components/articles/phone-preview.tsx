import { Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { renderArticlePreviewHtml } from "~/modules/articles/article-preview";

/** The article on a 390 px phone screen: cover, title, channel line and body, as a reader sees it. */
export function PhonePreview({
  title,
  markdown,
  coverUrl,
  meta,
}: {
  title: string;
  markdown: string;
  coverUrl: string | null;
  meta: string;
}) {
  const { t } = useTranslation();
  const html = useMemo(() => renderArticlePreviewHtml(markdown), [markdown]);
  return (
    <div className="article-phone" data-testid="article-phone">
      <div className="article-phone-screen">
        {coverUrl ? <img className="article-phone-cover" src={coverUrl} alt="" /> : null}
        <h1 className="article-phone-title">{title}</h1>
        <div className="article-phone-meta">{meta}</div>
        {markdown.trim() ? (
          // Built from escaped text only: the dialect has no raw HTML.
          <div
            className="article-phone-body"
            data-testid="article-preview"
            dangerouslySetInnerHTML={{ __html: html }}
          />
        ) : (
          <Text c="dimmed">{t("articles.previewEmpty")}</Text>
        )}
      </div>
    </div>
  );
}
