import { Badge, Box, Button, Container, Paper, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { metaTranslator } from "~/i18n/i18n";
import { formatBytes } from "~/lib/dates";
import { getStudio } from "~/lib/studio.server";
import { getPublicBook, PUBLIC_NOT_FOUND } from "~/modules/ebooks/get-public-book.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [{ title: `${data.title} · ${data.author}` }, { name: "description", content: data.description }]
    : [{ title: metaTranslator(matches)("boundary.notFoundTitle") }];

// Public, no sign-in: the target of the QR codes printed in the books. Published books only;
// any other status answers exactly like an unknown slug.
export async function loader({ params }: LoaderFunctionArgs) {
  const book = getPublicBook({ db: getStudio().db, slug: params.slug ?? "" });
  if (!book) throw json(PUBLIC_NOT_FOUND, { status: 404 });
  return book;
}

export default function PublicBook() {
  const book = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container size={560} py="xl" px="md">
      <Stack>
        <Paper
          radius="md"
          p="xl"
          style={{
            background: "linear-gradient(160deg, #1f3a6e 0%, #2f5fa8 100%)",
            color: "white",
            minHeight: 300,
            display: "flex",
            flexDirection: "column",
            justifyContent: "space-between",
          }}
          data-testid="public-cover"
        >
          <Box>
            <Badge color="yellow" variant="filled" mb="md">
              {t(`kinds.${book.kind}`)}
            </Badge>
            <Title order={1} c="white" style={{ fontSize: 36, lineHeight: 1.25 }}>
              {book.title}
            </Title>
            {book.subtitle ? (
              <Text mt="sm" size="lg" c="rgba(255,255,255,0.85)">
                {book.subtitle}
              </Text>
            ) : null}
          </Box>
          <Text mt="xl" c="rgba(255,255,255,0.85)">
            {t("ebooks.publicFrom", { author: book.author })}
          </Text>
        </Paper>
        {book.description ? <Text>{book.description}</Text> : null}
        {book.kind === "handbook" ? (
          <Text size="sm" c="dimmed">
            {t("ebooks.handbookNote")}
          </Text>
        ) : null}
        {book.latest ? (
          <Button
            component="a"
            href={`/p/${book.slug}/download`}
            size="lg"
            leftSection={<IconDownload size={20} />}
            data-testid="public-download"
          >
            {t("ebooks.publicDownload", { pages: book.latest.pages, size: formatBytes(book.latest.bytes) })}
          </Button>
        ) : (
          <Text c="dimmed" data-testid="public-no-build">
            {t("ebooks.publicNoBuild")}
          </Text>
        )}
      </Stack>
    </Container>
  );
}

export function ErrorBoundary() {
  return (
    <Container size={560} py="xl">
      <RouteError />
    </Container>
  );
}
