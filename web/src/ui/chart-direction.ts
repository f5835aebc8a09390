// ECharts lays every chart out left to right whatever the page's direction; in Arabic the time axis
// must run from the right, value axes stand on the right, and legends and tooltips read from the right.

type Obj = Record<string, unknown>;

const asList = (value: unknown): Obj[] => (Array.isArray(value) ? value : value ? [value] : []) as Obj[];
const sameShape = (original: unknown, list: Obj[]): unknown => (Array.isArray(original) ? list : list[0]);

const SIDE: Record<string, string> = { left: "right", right: "left" };

/**
 * Mirrors a box's horizontal place (grid, legend): margins (a number or "10%") swap sides, and the
 * alignment keywords of `left` ("left", "right") flip.
 */
function swapSides(box: Obj): Obj {
  const { left, right, ...out } = box;
  if (typeof left === "string" && SIDE[left]) out.left = SIDE[left];
  else if (left !== undefined) out.right = left;
  if (right !== undefined) out.left = right;
  return out;
}

/**
 * The option mirrored for a right-to-left page: x axes run the other way, y axes move to the other
 * side, grids and legends swap their margins, legend items are listed from the right with their
 * marks on the right, and tooltips are set right to left. A left-to-right page gets it unchanged.
 */
export function mirrorForDirection<T extends object>(option: T, dir: "ltr" | "rtl"): T {
  if (dir === "ltr") return option;
  const o = option as Obj;
  const out: Obj = { ...o };
  if (o.xAxis)
    out.xAxis = sameShape(
      o.xAxis,
      asList(o.xAxis).map((axis) => ({ ...axis, inverse: !axis.inverse })),
    );
  if (o.yAxis) {
    out.yAxis = sameShape(
      o.yAxis,
      asList(o.yAxis).map((axis) => ({ ...axis, position: SIDE[String(axis.position ?? "left")] ?? "right" })),
    );
  }
  if (o.grid) out.grid = sameShape(o.grid, asList(o.grid).map(swapSides));
  if (o.legend) {
    out.legend = sameShape(
      o.legend,
      asList(o.legend).map((legend) => ({
        ...swapSides(legend),
        align: "right",
        ...(Array.isArray(legend.data) ? { data: [...legend.data].reverse() } : {}),
      })),
    );
  }
  const tooltip = (o.tooltip ?? {}) as Obj;
  out.tooltip = { ...tooltip, extraCssText: `direction: rtl; text-align: right; ${tooltip.extraCssText ?? ""}`.trim() };
  return out as T;
}
