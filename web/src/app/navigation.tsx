import { type Me, roleAtLeast } from "@frontline/common";
import { Stack, Text } from "@mantine/core";
import {
  IconArrowBigUpLines,
  IconBolt,
  IconBuildingCommunity,
  IconChartBar,
  IconClockExclamation,
  IconClockHour9,
  IconHeadset,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconMail,
  IconMoodSmile,
  IconPresentationAnalytics,
  IconReportAnalytics,
  IconRoute,
  IconUserCircle,
  IconUsers,
} from "@tabler/icons-react";
import { useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RouterNavLink } from "../ui/router-links";

type Path =
  | "/inbox"
  | "/dashboard"
  | "/console"
  | "/wallboard"
  | "/routing"
  | "/escalations"
  | "/reports/schedules"
  | "/admin/staff"
  | "/admin/teams"
  | "/admin/mail"
  | "/admin/business-hours"
  | "/admin/sla-policies"
  | "/admin/rules"
  | "/admin/escalations"
  | "/admin/surveys"
  | "/admin/audit"
  | "/settings/profile"
  | "/settings/tokens";

interface Item {
  to: Path;
  label: string;
  icon: ReactNode;
  /** Other pages that belong to this item, e.g. a ticket opened from the inbox. */
  alsoActiveUnder?: string;
}

interface Section {
  label: string;
  items: Item[];
}

const ICON = { size: 18, stroke: 1.6 };

/** The navbar: what a role may use, and nothing it may not. */
export function Navigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  const work: Item[] = [
    { to: "/inbox", label: t("nav.inbox"), icon: <IconHeadset {...ICON} />, alsoActiveUnder: "/tickets/" },
    {
      to: "/dashboard",
      label: roleAtLeast(me.role, "supervisor") ? t("nav.dashboard") : t("nav.myDashboard"),
      icon: <IconChartBar {...ICON} />,
    },
  ];
  if (roleAtLeast(me.role, "supervisor")) {
    work.push({ to: "/console", label: t("nav.console"), icon: <IconLayoutDashboard {...ICON} /> });
    work.push({ to: "/wallboard", label: t("nav.wallboard"), icon: <IconPresentationAnalytics {...ICON} /> });
    work.push({ to: "/routing", label: t("nav.routing"), icon: <IconRoute {...ICON} /> });
    work.push({ to: "/escalations", label: t("escalations.title"), icon: <IconArrowBigUpLines {...ICON} /> });
  }
  if (roleAtLeast(me.role, "manager")) {
    work.push({ to: "/reports/schedules", label: t("reports.navLabel"), icon: <IconReportAnalytics {...ICON} /> });
  }
  const sections: Section[] = [{ label: t("nav.work"), items: work }];
  if (me.role === "admin") {
    sections.push({
      label: t("nav.admin"),
      items: [
        { to: "/admin/staff", label: t("nav.staff"), icon: <IconUsers {...ICON} /> },
        { to: "/admin/teams", label: t("nav.teams"), icon: <IconBuildingCommunity {...ICON} /> },
        { to: "/admin/mail", label: t("nav.mail"), icon: <IconMail {...ICON} /> },
        { to: "/admin/business-hours", label: t("calendars.navLabel"), icon: <IconClockHour9 {...ICON} /> },
        { to: "/admin/sla-policies", label: t("sla.navLabel"), icon: <IconClockExclamation {...ICON} /> },
        { to: "/admin/rules", label: t("nav.rules"), icon: <IconBolt {...ICON} /> },
        {
          to: "/admin/escalations",
          label: t("escalationSettings.nav"),
          icon: <IconArrowBigUpLines {...ICON} />,
        },
        { to: "/admin/surveys", label: t("surveySettings.nav"), icon: <IconMoodSmile {...ICON} /> },
        { to: "/admin/audit", label: t("nav.audit"), icon: <IconHistory {...ICON} /> },
      ],
    });
  }
  sections.push({
    label: t("nav.you"),
    items: [
      { to: "/settings/profile", label: t("nav.profile"), icon: <IconUserCircle {...ICON} /> },
      { to: "/settings/tokens", label: t("nav.tokens"), icon: <IconKey {...ICON} /> },
    ],
  });

  return (
    <Stack gap="md">
      {sections.map((section) => (
        <Stack key={section.label} gap={2}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" component="h2" m={0}>
            {section.label}
          </Text>
          {section.items.map((item) => (
            <RouterNavLink
              key={item.to}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={
                pathname === item.to ||
                pathname.startsWith(`${item.to}/`) ||
                (item.alsoActiveUnder !== undefined && pathname.startsWith(item.alsoActiveUnder))
              }
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
