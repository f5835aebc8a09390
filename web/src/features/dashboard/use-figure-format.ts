import { useCallback } from "react";
import { useFormatters } from "../../ui/use-formatters";
import type { FigureFormat } from "./kpi-definitions";

/** Writes a figure the way its kind reads in the viewer's language; nothing measured is a dash. */
export function useFigureFormat() {
  const format = useFormatters();
  return useCallback(
    (kind: FigureFormat, value: number | null): string => {
      if (value === null) return "—";
      switch (kind) {
        case "count":
          return format.number(value);
        case "duration":
          return format.duration(value);
        case "percent":
          return format.percent(value);
        case "decimal":
          return format.decimal(value, 2);
        case "score":
          return format.decimal(value, 1);
      }
    },
    [format],
  );
}
