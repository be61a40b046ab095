import {
  ColorSchemeScript,
  MantineProvider,
  createTheme,
  mantineHtmlProps,
  Container,
  Title,
  Text,
  Button,
} from "@mantine/core";
import mantineCss from "@mantine/core/styles.css";
import chartsCss from "@mantine/charts/styles.css";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { errorShown } from "./components/route-error";
import { StudioTimeZoneProvider } from "./components/studio-time-zone";
import { createI18n, metaTranslator, parseLanguage } from "./i18n/i18n";
import { DEFAULT_STUDIO_TIME_ZONE } from "./lib/dates";
import { getStudio } from "./lib/studio.server";
import appCss from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: mantineCss },
  // Chart styles after the core styles, as the charts package asks.
  { rel: "stylesheet", href: chartsCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("app.documentTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: the language preference and the studio's time zone (every page shows wall clocks in
  // it, and forms read them back in it); every page below checks its own role.
  return { lang: parseLanguage(request.headers.get("Cookie")), timeZone: getStudio().config.timeZone };
}

const theme = createTheme({
  primaryColor: "indigo",
  fontFamily: '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  defaultRadius: "md",
});

function Document({
  children,
  lang,
  timeZone,
}: {
  children: React.ReactNode;
  lang: "zh" | "en";
  timeZone: string;
}) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  // Marks the document once React has taken it over: until then a field's keys never reach the
  // page's state, so browser tests wait for this before they type.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={lang === "zh" ? "zh-CN" : "en"} {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        {/* Here rather than in `meta`: a page's own `meta` replaces the root's, and a page without
            this tag is laid out 980 px wide on a phone. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="auto" />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <MantineProvider theme={theme} defaultColorScheme="auto">
            <StudioTimeZoneProvider timeZone={timeZone}>{children}</StudioTimeZoneProvider>
          </MantineProvider>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const { lang, timeZone } = useLoaderData<typeof loader>();
  return (
    <Document lang={lang} timeZone={timeZone}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <Document lang={data?.lang ?? "zh"} timeZone={data?.timeZone ?? DEFAULT_STUDIO_TIME_ZONE}>
      <RootErrorPage error={error} />
    </Document>
  );
}

/** Inside the Document, so its strings come from the same i18next instance as every page. */
function RootErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { status, message } = errorShown(error, t);
  return (
    <Container size="sm" py="xl">
      <Title order={2}>
        {t(status === 403 ? "common.forbidden" : status === 404 ? "common.notFound" : "common.errorTitle")}
      </Title>
      <Text mt="md" data-testid="error-message">
        {message}
      </Text>
      <Button component="a" href="/" mt="lg" variant="light">
        {t("boundary.backToDashboard")}
      </Button>
    </Container>
  );
}
