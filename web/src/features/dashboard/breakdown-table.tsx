import type { BreakdownRow } from "@frontline/common";
import { Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BreakdownColumn, ColumnId } from "./breakdown-columns";
import { nextSort, type SortState, sortRows } from "./sort-rows";
import { useFigureFormat } from "./use-figure-format";

interface BreakdownTableProps {
  rows: BreakdownRow[];
  columns: BreakdownColumn[];
  /** A row's name as the reader should see it (translated channels, "Unassigned"…). */
  nameOf: (row: BreakdownRow) => string;
  /** The first column's heading: "Agent", "Team", "Channel"… */
  nameLabel: string;
  /** Narrows the dashboard to a row; rows without a key (no team, unassigned) cannot be chosen. */
  onChoose?: (row: BreakdownRow) => void;
  testId: string;
}

/** One row per team, agent, channel…; every column sorts on a click of its header. */
export function BreakdownTable({ rows, columns, nameOf, nameLabel, onChoose, testId }: BreakdownTableProps) {
  const { t, i18n } = useTranslation();
  const write = useFigureFormat();
  const [sort, setSort] = useState<SortState<ColumnId>>({ column: columns[1]?.id ?? "name", direction: "desc" });
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return sortRows(rows, sort, (row, id) => byId.get(id)?.value(row, nameOf(row)) ?? null, collator);
  }, [rows, sort, byId, nameOf, i18n.language]);

  const header = (c: BreakdownColumn) => {
    const label = c.id === "name" ? nameLabel : t(`dashboard.table.${c.id}`);
    const active = sort.column === c.id;
    const Icon = active ? (sort.direction === "asc" ? IconArrowUp : IconArrowDown) : IconSelector;
    return (
      <Table.Th
        key={c.id}
        ta={c.format === "text" ? "start" : "end"}
        aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
        style={{ whiteSpace: "nowrap" }}
      >
        <UnstyledButton
          onClick={() => setSort(nextSort(sort, c.id, c.firstDirection))}
          fz="sm"
          fw={600}
          data-testid={`sort-${c.id}`}
          style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
        >
          {label}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={columns.length * 96}>
      <Table highlightOnHover stickyHeader data-testid={testId}>
        <Table.Thead>
          <Table.Tr>{columns.map(header)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => {
            const name = nameOf(row);
            const choosable = onChoose && row.key !== null;
            return (
              <Table.Tr
                key={row.key ?? "none"}
                onClick={choosable ? () => onChoose(row) : undefined}
                style={choosable ? { cursor: "pointer" } : undefined}
                data-testid="breakdown-row"
              >
                {columns.map((c) =>
                  c.id === "name" ? (
                    <Table.Td key={c.id}>
                      {choosable ? (
                        <UnstyledButton
                          fz="sm"
                          fw={500}
                          aria-label={t("dashboard.table.filterTo", { name })}
                          onClick={(e) => {
                            e.stopPropagation();
                            onChoose(row);
                          }}
                        >
                          {name}
                        </UnstyledButton>
                      ) : (
                        <Text size="sm" c={row.key === null ? "dimmed" : undefined}>
                          {name}
                        </Text>
                      )}
                    </Table.Td>
                  ) : (
                    <Table.Td key={c.id} ta="end" style={{ whiteSpace: "nowrap" }} data-column={c.id}>
                      {write(c.format as Exclude<typeof c.format, "text">, c.value(row, name) as number | null)}
                      {c.id === "csat" && row.csatResponses > 0 && (
                        <Text span size="xs" c="dimmed" ms={4}>
                          ({t("dashboard.table.responses", { count: row.csatResponses })})
                        </Text>
                      )}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
