import { describe, expect, it } from "vitest";
import { renderTemplate, type TemplateValues, templateProblems } from "./template";

const values: TemplateValues = {
  "ticket.number": "42",
  "ticket.subject": "Refund",
  "ticket.status": "pending",
  "ticket.priority": "high",
  "customer.name": "Ana Pop",
  "customer.first_name": "Ana",
  "customer.email": "ana@example.com",
  "assignee.name": "Alex Agent",
  "organization.name": "Demo",
};

describe("rule templates", () => {
  it("fill known placeholders, with or without spaces inside the braces", () => {
    expect(
      renderTemplate("Hello {{customer.first_name}}, about #{{ ticket.number }}: {{ticket.subject}}.", values),
    ).toBe("Hello Ana, about #42: Refund.");
  });

  it("never evaluate anything: values and unknown names stay text", () => {
    const hostile = { ...values, "customer.name": "{{ticket.number}} <script>" };
    expect(renderTemplate("Dear {{customer.name}}", hostile)).toBe("Dear {{ticket.number}} <script>");
    expect(renderTemplate("{{constructor}} {{__proto__}}", values)).toBe("{{constructor}} {{__proto__}}");
  });

  it("name what is wrong before a template is saved", () => {
    expect(templateProblems("Hi {{customer.first_name}}")).toEqual([]);
    expect(templateProblems("Hi {{customer.password}} and {{ticket.number")).toEqual([
      "Unknown placeholder {{customer.password}}",
      "A placeholder is not closed with }}",
    ]);
  });
});
