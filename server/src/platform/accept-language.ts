import { LOCALES, type Locale } from "@frontline/common";

/**
 * The first of Frontline's languages an Accept-Language header asks for ("ro-RO,ro;q=0.9,en;q=0.8"
 * → "ro"), by quality then order; undefined when it names none of them or is absent.
 */
export function preferredLocale(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.trim().toLowerCase().split("-")[0] ?? "",
        quality: Number.isNaN(quality) ? 0 : quality,
        order,
      };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked.map((r) => r.base).find((base): base is Locale => (LOCALES as readonly string[]).includes(base));
}
