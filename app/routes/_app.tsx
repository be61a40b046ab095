import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { NAV_ITEMS } from "~/components/nav-items";
import { RouteError } from "~/components/route-error";
import { KeyedOutlet } from "~/components/shared/keyed-outlet";
import { StudioShell } from "~/components/studio-shell";
import { parseLanguage } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { countUnread } from "~/modules/notifications/list-notifications.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // requireActor also keeps a one-time password to the account page until it is changed, for
  // this layout and for every action, API call and resource route alike.
  const actor = await requireActor(request, "dashboard.view");
  return {
    user: {
      id: actor.id,
      name: actor.name,
      email: actor.email,
      roles: actor.roles,
      mustChangePassword: Boolean(actor.mustChangePassword),
    },
    navPaths: NAV_ITEMS.filter((item) => can(actor.roles, item.capability)).map((item) => item.to),
    lang: parseLanguage(request.headers.get("Cookie")),
    // The bell's number (NotificationBell reads it from this loader).
    unreadNotifications: countUnread({ db: getStudio().db, userId: actor.id }),
  };
}

/** The signed-in user, for pages that hide what the role may not do. */
export function useShellUser() {
  return useRouteLoaderData<typeof loader>("routes/_app")!.user;
}

export default function AppLayout() {
  const { user, navPaths, lang } = useLoaderData<typeof loader>();
  const nav = NAV_ITEMS.filter((item) => navPaths.includes(item.to));
  return (
    <StudioShell user={user} nav={nav} lang={lang}>
      {/* A page is mounted afresh when its path changes, so no editor keeps the last piece's text. */}
      <KeyedOutlet parentId="routes/_app" />
    </StudioShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
