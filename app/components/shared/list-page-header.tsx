import { Button } from "@mantine/core";
import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";

/** A list page's heading with its "new" button, shown to those who may create (`create` set). */
export function ListPageHeader({
  title,
  create,
}: {
  title: string;
  create: { to: string; label: string; testId: string } | null;
}) {
  return (
    <PageHeader
      title={title}
      action={
        create ? (
          <Button component={Link} to={create.to} data-testid={create.testId}>
            {create.label}
          </Button>
        ) : null
      }
    />
  );
}
