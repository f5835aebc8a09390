import { EXPORT_FORMATS, type ExportDataset } from "@frontline/common";
import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Query } from "../../api/client";
import { metricsExportUrl } from "../../api/metrics";

/**
 * Downloads what a table or chart shows, as CSV or XLSX, from the export endpoint with that view's
 * own query: the file holds the same rows as the screen.
 */
export function ExportMenu({ dataset, query, what }: { dataset: ExportDataset; query: Query; what: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t("dashboard.export.of", { what })}
        >
          {t("dashboard.export.label")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {EXPORT_FORMATS.map((format) => (
          <Menu.Item key={format} component="a" href={metricsExportUrl(dataset, format, query)} download>
            {t(`dashboard.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
