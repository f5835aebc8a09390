/** A column's direction of sort. */
export type SortDirection = "asc" | "desc";

/** Which column a table is sorted by, and which way. */
export interface SortState<K extends string> {
  column: K;
  direction: SortDirection;
}

type Cell = string | number | null | undefined;

/**
 * Rows sorted by one column, leaving the input alone. Empty cells (nothing measured) go last
 * whichever the direction, so "fastest first" never starts with agents who sent no reply; text
 * compares with the reader's collator, and ties keep their order.
 */
export function sortRows<R, K extends string>(
  rows: readonly R[],
  sort: SortState<K>,
  cell: (row: R, column: K) => Cell,
  collator: Intl.Collator,
): R[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: cell(row, sort.column) }))
    .sort((a, b) => {
      const aEmpty = a.value === null || a.value === undefined;
      const bEmpty = b.value === null || b.value === undefined;
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      const order =
        typeof a.value === "number" && typeof b.value === "number"
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map((x) => x.row);
}

/**
 * The next sort after a click on a column's header: the same column flips; another starts with the
 * direction that column reads best in first (names A–Z, counts largest first).
 */
export function nextSort<K extends string>(
  current: SortState<K>,
  column: K,
  firstDirection: SortDirection,
): SortState<K> {
  if (current.column === column) return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  return { column, direction: firstDirection };
}
