import { ESCALATION_STATUSES, type EscalationStatus } from "@frontline/common";
import { Stack, Switch, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../ui/page";
import { useMe } from "../auth/use-me";
import { EscalationQueue } from "./escalation-queue";
import { EscalationReport } from "./escalation-report";

/** A supervisor's escalations: the last 30 days in figures, then the queue by status, with what to do next. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [tab, setTab] = useState<EscalationStatus>("open");
  const [onlyMine, setOnlyMine] = useState(false);
  return (
    <Page
      title={t("escalations.title")}
      actions={
        <Switch
          label={t("escalations.onlyMine")}
          checked={onlyMine}
          onChange={(e) => setOnlyMine(e.currentTarget.checked)}
        />
      }
    >
      <Stack gap="lg">
        <EscalationReport />
        <Tabs value={tab} onChange={(v) => v && setTab(v as EscalationStatus)} keepMounted={false}>
          <Tabs.List>
            {ESCALATION_STATUSES.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`escalations.tabs.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {ESCALATION_STATUSES.map((s) => (
            <Tabs.Panel key={s} value={s} pt="sm">
              <EscalationQueue status={s} me={me} onlyMine={onlyMine} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Page>
  );
}
