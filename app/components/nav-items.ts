import {
  IconArticle,
  IconBook,
  IconBroadcast,
  IconCalendar,
  IconCalendarShare,
  IconChartBar,
  IconChartLine,
  IconFileText,
  IconHome,
  IconKey,
  IconPhoto,
  IconListDetails,
  IconMovie,
  IconPhoneCall,
  IconShare,
  IconShieldCheck,
  IconUserX,
  IconUsers,
} from "@tabler/icons-react";
import type { Capability } from "~/modules/auth/permissions";
import type { zh } from "~/i18n/locales";

export interface NavItem {
  to: string;
  labelKey: `nav.${keyof typeof zh.nav}`;
  capability: Capability;
  icon: typeof IconHome;
}

/** Navigation by capability: an item shows only to roles that may use it. */
export const NAV_ITEMS: NavItem[] = [
  { to: "/", labelKey: "nav.dashboard", capability: "dashboard.view", icon: IconHome },
  { to: "/pieces", labelKey: "nav.pieces", capability: "pieces.read", icon: IconFileText },
  { to: "/columns", labelKey: "nav.columns", capability: "columns.read", icon: IconMovie },
  { to: "/livestreams", labelKey: "nav.livestreams", capability: "livestream.read", icon: IconBroadcast },
  { to: "/ebooks", labelKey: "nav.ebooks", capability: "ebooks.read", icon: IconBook },
  { to: "/articles", labelKey: "nav.articles", capability: "pieces.read", icon: IconArticle },
  { to: "/posters", labelKey: "nav.posters", capability: "pieces.read", icon: IconPhoto },
  { to: "/calendar", labelKey: "nav.calendar", capability: "calendar.read", icon: IconCalendar },
  { to: "/channels", labelKey: "nav.channels", capability: "calendar.read", icon: IconShare },
  { to: "/feeds", labelKey: "nav.feeds", capability: "calendar.read", icon: IconCalendarShare },
  { to: "/terms", labelKey: "nav.terms", capability: "terms.read", icon: IconShieldCheck },
  { to: "/leads", labelKey: "nav.leads", capability: "leads.read", icon: IconPhoneCall },
  { to: "/analytics", labelKey: "nav.analytics", capability: "analytics.read", icon: IconChartLine },
  { to: "/imports", labelKey: "nav.imports", capability: "metrics.import", icon: IconChartBar },
  { to: "/admin/users", labelKey: "nav.users", capability: "users.manage", icon: IconUsers },
  { to: "/admin/tokens", labelKey: "nav.tokens", capability: "tokens.manage", icon: IconKey },
  { to: "/admin/privacy", labelKey: "nav.privacy", capability: "privacy.manage", icon: IconUserX },
  { to: "/admin/audit", labelKey: "nav.audit", capability: "audit.read", icon: IconListDetails },
];
