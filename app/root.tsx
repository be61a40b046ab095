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
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n, parseLanguage } from "./i18n/i18n";
import appCss from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: mantineCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "内容工作室 · Content Studio" },
  { name: "viewport", content: "width=device-width, initial-scale=1" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: only the language preference is read here; every page below checks its own role.
  return { lang: parseLanguage(request.headers.get("Cookie")) };
}

const theme = createTheme({
  primaryColor: "indigo",
  fontFamily: '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  defaultRadius: "md",
});

function Document({ children, lang }: { children: React.ReactNode; lang: "zh" | "en" }) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return (
    <html lang={lang === "zh" ? "zh-CN" : "en"} {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="auto" />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <MantineProvider theme={theme} defaultColorScheme="auto">
            {children}
          </MantineProvider>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const { lang } = useLoaderData<typeof loader>();
  return (
    <Document lang={lang}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? (error.data?.message ?? error.data?.error?.message ?? error.statusText)
    : "服务器出错了，请稍后再试。";
  return (
    <Document lang={data?.lang ?? "zh"}>
      <Container size="sm" py="xl">
        <Title order={2}>
          {status === 403
            ? "无权访问 · Forbidden"
            : status === 404
              ? "页面不存在 · Not found"
              : "出错了 · Error"}
        </Title>
        <Text mt="md" data-testid="error-message">
          {String(message)}
        </Text>
        <Button component="a" href="/" mt="lg" variant="light">
          返回工作台
        </Button>
      </Container>
    </Document>
  );
}
