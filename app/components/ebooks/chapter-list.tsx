import { Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { Link, useSubmit } from "@remix-run/react";
import { AddByTitleForm } from "~/components/add-by-title-form";
import { IntentForm } from "~/components/intent-form";
import { TooltipIcon } from "~/components/tooltip-icon";
import { DeleteForm } from "./delete-form";
import { IconArrowDown, IconArrowUp, IconGripVertical } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface SectionView {
  id: number;
  title: string;
  chapters: Array<{ id: number; title: string; chars: number; problems: number }>;
}

function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** A form that posts a whole new order: works without JavaScript (the drag-and-drop fallback). */
function OrderButton({
  intent,
  field,
  ids,
  extra,
  label,
  icon,
  disabled,
}: {
  intent: string;
  field: string;
  ids: number[];
  extra?: Record<string, string>;
  label: string;
  icon: React.ReactNode;
  disabled: boolean;
}) {
  return (
    <IntentForm intent={intent} fields={{ ...extra, [field]: ids }} style={{ display: "inline" }}>
      <TooltipIcon type="submit" size="sm" label={label} disabled={disabled}>
        {icon}
      </TooltipIcon>
    </IntentForm>
  );
}

export function ChapterList({
  bookId,
  sections,
  canEdit,
}: {
  bookId: number;
  sections: SectionView[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [drag, setDrag] = useState<{ sectionId: number; index: number } | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const sectionIds = sections.map((s) => s.id);

  return (
    <Stack gap="md" data-testid="chapter-list">
      {sections.map((section, si) => {
        const ids = section.chapters.map((c) => c.id);
        return (
          <Card key={section.id} withBorder padding="sm" data-testid={`section-${section.id}`}>
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Text fw={700}>{section.title}</Text>
              {canEdit ? (
                <Group gap={2} wrap="nowrap">
                  <OrderButton
                    intent="reorder-sections"
                    field="sectionIds"
                    ids={si > 0 ? moved(sectionIds, si, si - 1) : sectionIds}
                    label={t("ebooks.moveUp")}
                    icon={<IconArrowUp size={16} />}
                    disabled={si === 0}
                  />
                  <OrderButton
                    intent="reorder-sections"
                    field="sectionIds"
                    ids={si < sections.length - 1 ? moved(sectionIds, si, si + 1) : sectionIds}
                    label={t("ebooks.moveDown")}
                    icon={<IconArrowDown size={16} />}
                    disabled={si === sections.length - 1}
                  />
                  {section.chapters.length === 0 ? (
                    <DeleteForm
                      intent="delete-section"
                      field="sectionId"
                      id={section.id}
                      label={t("ebooks.deleteSection")}
                      iconSize={16}
                    />
                  ) : null}
                </Group>
              ) : null}
            </Group>
            <Stack gap={4}>
              {section.chapters.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("ebooks.noChapters")}
                </Text>
              ) : null}
              {section.chapters.map((chapter, ci) => (
                <Group
                  key={chapter.id}
                  className={`ebook-chapter-row${over === chapter.id ? " is-drag-over" : ""}`}
                  justify="space-between"
                  wrap="nowrap"
                  gap="xs"
                  px={4}
                  py={2}
                  draggable={canEdit}
                  data-testid={`chapter-row-${chapter.id}`}
                  onDragStart={(e) => {
                    setDrag({ sectionId: section.id, index: ci });
                    e.dataTransfer.effectAllowed = "move";
                    e.dataTransfer.setData("text/plain", String(chapter.id));
                  }}
                  onDragEnd={() => {
                    setDrag(null);
                    setOver(null);
                  }}
                  onDragOver={(e) => {
                    if (drag?.sectionId !== section.id) return;
                    e.preventDefault();
                    setOver(chapter.id);
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    setOver(null);
                    if (!drag || drag.sectionId !== section.id || drag.index === ci) return;
                    submit(
                      {
                        intent: "reorder-chapters",
                        sectionId: String(section.id),
                        chapterIds: moved(ids, drag.index, ci).join(","),
                      },
                      { method: "post" },
                    );
                    setDrag(null);
                  }}
                >
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    {canEdit ? <IconGripVertical size={14} color="gray" style={{ flexShrink: 0 }} /> : null}
                    <Anchor
                      component={Link}
                      to={`/ebooks/${bookId}/chapters/${chapter.id}`}
                      size="sm"
                      truncate
                      data-testid={`chapter-link-${chapter.id}`}
                    >
                      {chapter.title}
                    </Anchor>
                  </Group>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    <Text size="xs" c="dimmed" visibleFrom="xs">
                      {t("ebooks.chars", { count: chapter.chars })}
                    </Text>
                    {chapter.problems ? (
                      <Badge color="red" variant="light" size="sm">
                        {t("ebooks.problems", { count: chapter.problems })}
                      </Badge>
                    ) : null}
                    {canEdit ? (
                      <>
                        <OrderButton
                          intent="reorder-chapters"
                          field="chapterIds"
                          extra={{ sectionId: String(section.id) }}
                          ids={ci > 0 ? moved(ids, ci, ci - 1) : ids}
                          label={t("ebooks.moveUp")}
                          icon={<IconArrowUp size={14} />}
                          disabled={ci === 0}
                        />
                        <OrderButton
                          intent="reorder-chapters"
                          field="chapterIds"
                          extra={{ sectionId: String(section.id) }}
                          ids={ci < ids.length - 1 ? moved(ids, ci, ci + 1) : ids}
                          label={t("ebooks.moveDown")}
                          icon={<IconArrowDown size={14} />}
                          disabled={ci === ids.length - 1}
                        />
                        <DeleteForm
                          intent="delete-chapter"
                          field="chapterId"
                          id={chapter.id}
                          label={t("ebooks.deleteChapter")}
                          confirmText={t("ebooks.confirmDeleteChapter", { title: chapter.title })}
                        />
                      </>
                    ) : null}
                  </Group>
                </Group>
              ))}
            </Stack>
            {canEdit ? (
              <AddByTitleForm
                intent="add-chapter"
                fields={{ sectionId: section.id }}
                label={t("ebooks.chapterTitle")}
                size="xs"
                maxLength={80}
                groupProps={{ mt: "xs" }}
                button={
                  <Button type="submit" size="xs" variant="light">
                    {t("ebooks.addChapter")}
                  </Button>
                }
              />
            ) : null}
          </Card>
        );
      })}
      {canEdit ? (
        <AddByTitleForm
          intent="add-section"
          label={t("ebooks.sectionTitle")}
          size="sm"
          maxLength={60}
          button={
            <Button type="submit" size="sm" variant="default">
              {t("ebooks.addSection")}
            </Button>
          }
        />
      ) : null}
    </Stack>
  );
}
