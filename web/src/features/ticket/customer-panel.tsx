import type { TimelineEntry } from "@frontline/common";
import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { customerTimeline } from "../../api/customers";
import { companyQuery, customerQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { LANGUAGE_NAMES } from "../../i18n/languages";
import { TicketStatusBadge } from "../../ui/badges";
import { QueryError } from "../../ui/query-error";
import { RelativeTime } from "../../ui/relative-time";
import { RouterAnchor } from "../../ui/router-links";
import { CustomerVip } from "../customers/customer-vip";

const NONE = "—";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th fw={500} c="dimmed" w="34%" style={{ verticalAlign: "top" }}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: "anywhere" }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Who asked: their details and what they wrote on their other tickets, newest first. */
export function CustomerPanel({ customerId, ticketId }: { customerId: string; ticketId: string }) {
  const { t } = useTranslation();
  const customer = useQuery(customerQuery(customerId));
  const companyId = customer.data?.companyId ?? null;
  const company = useQuery({ ...companyQuery(companyId ?? ""), enabled: companyId !== null });
  const c = customer.data;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t("ticket.customer.title")}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t("ticket.customer.title")}
        </Title>
        {customer.error && <QueryError error={customer.error} onRetry={() => void customer.refetch()} />}
        {customer.isPending && <Loader size="xs" aria-label={t("common.loading")} />}
        {c && (
          <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={4} layout="fixed">
            <Table.Tbody>
              <Row label={t("ticket.customer.name")}>{c.name || NONE}</Row>
              <Row label={t("ticket.customer.email")}>
                <Text span size="sm" dir="ltr">
                  {c.email ?? NONE}
                </Text>
              </Row>
              <Row label={t("ticket.customer.phone")}>
                <Text span size="sm" dir="ltr">
                  {c.phone ?? NONE}
                </Text>
              </Row>
              <Row label={t("ticket.customer.locale")}>{c.locale ? LANGUAGE_NAMES[c.locale] : NONE}</Row>
              <Row label={t("ticket.customer.company")}>
                {companyId
                  ? (company.data?.name ?? (
                      <Text span size="xs" ff="monospace">
                        {companyId}
                      </Text>
                    ))
                  : NONE}
              </Row>
              <Row label={t("customers.vip")}>
                <CustomerVip customer={c} />
              </Row>
            </Table.Tbody>
          </Table>
        )}
        <CustomerTimeline customerId={customerId} ticketId={ticketId} />
      </Stack>
    </Paper>
  );
}

function CustomerTimeline({ customerId, ticketId }: { customerId: string; ticketId: string }) {
  const { t } = useTranslation();
  const timeline = useInfiniteQuery({
    queryKey: queryKeys.customers.timeline(customerId),
    queryFn: ({ pageParam, signal }) => customerTimeline(customerId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  // This ticket's own messages are in the conversation already.
  const entries = (timeline.data?.pages.flatMap((page) => page.data) ?? []).filter((e) => e.ticketId !== ticketId);

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t("ticket.customer.timeline")}
      </Text>
      {timeline.error && <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.isPending && <Loader size="xs" aria-label={t("common.loading")} />}
      {timeline.isSuccess && entries.length === 0 && !timeline.hasNextPage && (
        <Text size="sm" c="dimmed">
          {t("ticket.customer.timelineEmpty")}
        </Text>
      )}
      <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: "none" }}>
        {entries.map((entry) => (
          <TimelineItem key={entry.id} entry={entry} />
        ))}
      </Stack>
      {timeline.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          loading={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Stack>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  return (
    <li>
      <Paper
        p={6}
        radius="sm"
        bg={entry.kind === "note" ? "var(--mantine-color-yellow-0)" : "var(--mantine-color-gray-0)"}
      >
        <Group gap={6} justify="space-between" wrap="nowrap">
          <RouterAnchor
            to="/tickets/$ticketId"
            params={{ ticketId: entry.ticketId }}
            size="sm"
            fw={500}
            truncate
            miw={0}
            dir="auto"
          >
            #{entry.ticketNumber} {entry.ticketSubject}
          </RouterAnchor>
          <TicketStatusBadge status={entry.ticketStatus} />
        </Group>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate>
            {t(`ticket.kinds.${entry.kind}`)} · {entry.author.name}
          </Text>
          <RelativeTime iso={entry.createdAt} size="xs" c="dimmed" style={{ flexShrink: 0 }} ms="auto" />
        </Group>
        <Text size="xs" lineClamp={2} dir="auto">
          {entry.bodyText}
        </Text>
      </Paper>
    </li>
  );
}
