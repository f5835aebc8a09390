// Placeholders in rule texts: `{{ticket.number}}` and the like, from a closed list. Rendering only
// substitutes plain values; nothing in a template is evaluated (SECURITY #14).

/** Every placeholder a rule's text may use. */
export const PLACEHOLDERS = [
  "ticket.number",
  "ticket.subject",
  "ticket.status",
  "ticket.priority",
  "customer.name",
  "customer.first_name",
  "customer.email",
  "assignee.name",
  "organization.name",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

const KNOWN = new Set<string>(PLACEHOLDERS);

type Piece = { text: string } | { name: string };

/** Splits a template into text and placeholder names in one pass, or says what is wrong. */
function parse(template: string): { pieces: Piece[]; problems: string[] } {
  const pieces: Piece[] = [];
  const problems: string[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf("{{", at);
    if (open < 0) {
      pieces.push({ text: template.slice(at) });
      break;
    }
    if (open > at) pieces.push({ text: template.slice(at, open) });
    const close = template.indexOf("}}", open + 2);
    if (close < 0) {
      problems.push("A placeholder is not closed with }}");
      pieces.push({ text: template.slice(open) });
      break;
    }
    const name = template.slice(open + 2, close).trim();
    if (KNOWN.has(name)) pieces.push({ name });
    else {
      problems.push(`Unknown placeholder {{${name}}}`);
      pieces.push({ text: template.slice(open, close + 2) });
    }
    at = close + 2;
  }
  return { pieces, problems };
}

/** What is wrong with a template (unknown or unclosed placeholders); empty when it is fine. */
export function templateProblems(template: string): string[] {
  return parse(template).problems;
}

/** Fills a template's placeholders with plain values; anything else stays as written. */
export function renderTemplate(template: string, values: TemplateValues): string {
  return parse(template)
    .pieces.map((p) => ("name" in p ? values[p.name as Placeholder] : p.text))
    .join("");
}
