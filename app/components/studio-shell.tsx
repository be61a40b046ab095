import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  Title,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Form, Link, useLocation } from "@remix-run/react";
import { IconMoon, IconSun } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { NavItem } from "./nav-items";
import { NotificationBell } from "./notifications/notification-bell";

export interface ShellUser {
  name: string;
  email: string;
  roles: string[];
}

export function StudioShell({
  user,
  nav,
  lang,
  children,
}: {
  user: ShellUser;
  nav: NavItem[];
  lang: "zh" | "en";
  children: React.ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useTranslation();
  const location = useLocation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme("light", { getInitialValueInEffect: true });

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Link to="/" style={{ textDecoration: "none", color: "inherit" }}>
              <Title order={4} style={{ whiteSpace: "nowrap" }}>
                {t("app.name")}
              </Title>
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Form method="post" action="/set-language" reloadDocument>
              <input type="hidden" name="lang" value={lang === "zh" ? "en" : "zh"} />
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
              <UnstyledButton type="submit" data-testid="language-switch" fz="sm" px="xs">
                {t("common.language")}
              </UnstyledButton>
            </Form>
            <ActionIcon
              variant="default"
              aria-label="color scheme"
              onClick={() => setColorScheme(scheme === "dark" ? "light" : "dark")}
            >
              {scheme === "dark" ? <IconSun size={16} /> : <IconMoon size={16} />}
            </ActionIcon>
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Text size="sm" fw={500} truncate maw={140}>
                    {user.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.roles.map((r) => t(`roles.${r}`)).join(" · ")}</Menu.Label>
                <Menu.Item component={Link} to="/account">
                  {t("nav.account")}
                </Menu.Item>
                <Form method="post" action="/logout">
                  <Menu.Item component="button" type="submit" color="red">
                    {t("common.logout")}
                  </Menu.Item>
                </Form>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            onClick={close}
            label={t(item.labelKey)}
            leftSection={<item.icon size={18} stroke={1.6} />}
            active={item.to === "/" ? location.pathname === "/" : location.pathname.startsWith(item.to)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
