import { SEARCH_TYPES, type SearchResult } from "@frontline/common";
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMessage, IconTicket, IconUser } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RouterAnchor } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { SnippetText } from "./snippet-text";

type ResultType = SearchResult["type"];

const ICON = { size: 16, stroke: 1.6, "aria-hidden": true } as const;
const ICONS: Record<ResultType, ReactNode> = {
  ticket: <IconTicket {...ICON} />,
  message: <IconMessage {...ICON} />,
  customer: <IconUser {...ICON} />,
};

/** Results grouped by what they are: tickets, then messages, then customers, each best first. */
export function SearchResults({ results }: { results: SearchResult[] }) {
  return (
    <Stack gap="lg">
      {SEARCH_TYPES.map((type) => {
        const ofType = results.filter((result) => result.type === type);
        return ofType.length > 0 ? <ResultGroup key={type} type={type} results={ofType} /> : null;
      })}
    </Stack>
  );
}

function ResultGroup({ type, results }: { type: ResultType; results: SearchResult[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const heading = `search-group-${type}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={heading}>
      <Group gap="xs">
        {ICONS[type]}
        <Title order={2} size="h5" id={heading}>
          {t(`search.types.${type}`)}
        </Title>
        <Badge size="sm" variant="light" color="gray">
          {format.number(results.length)}
        </Badge>
      </Group>
      <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: "none" }}>
        {results.map((result) => (
          <ResultItem key={`${result.type}-${result.id}`} result={result} />
        ))}
      </Stack>
    </Stack>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const ticketId = result.ticketId ?? result.id;
  return (
    <Paper component="li" withBorder radius="md" px="sm" py={8}>
      <Stack gap={2}>
        {result.type === "customer" ? (
          <Group gap="xs" wrap="wrap">
            {/* There is no customer page: their tickets in the inbox are where an agent goes next. */}
            <RouterAnchor
              to="/inbox"
              search={{ view: "all", requester: result.id }}
              fw={600}
              dir="auto"
              style={{ overflowWrap: "anywhere" }}
            >
              {result.title || t("search.unnamedCustomer")}
            </RouterAnchor>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {t("search.customerHint")}
            </Text>
          </Group>
        ) : (
          // Wrapped, not cut: an ellipsis would eat the start of a left-to-right title in Arabic.
          <RouterAnchor to="/tickets/$ticketId" params={{ ticketId }} fw={600} style={{ overflowWrap: "anywhere" }}>
            <Text span c="dimmed" inherit>
              #{result.ticketNumber}
            </Text>{" "}
            <span dir="auto">{result.title}</span>
          </RouterAnchor>
        )}
        <Text size="sm" c="dimmed" dir="auto" style={{ overflowWrap: "anywhere" }}>
          <SnippetText snippet={result.snippet} />
        </Text>
      </Stack>
    </Paper>
  );
}
