import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export const EXPORT_URL = "/api/v1/terms/export";

/** The library as a CSV file: UTF-8 with a BOM by default, GBK for older Excel. */
export function ExportMenu() {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
        >
          {t("terms.exportCsv.label")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={EXPORT_URL} download data-testid="export-utf8">
          {t("terms.exportCsv.utf8")}
        </Menu.Item>
        <Menu.Item component="a" href={`${EXPORT_URL}?encoding=gbk`} download data-testid="export-gbk">
          {t("terms.exportCsv.gbk")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
