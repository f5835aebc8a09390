import { describe, expect, it } from "vitest";
import { type CustomFieldDef, checkCustomFields } from "./validate";

const defs = [
  { key: "order_no", type: "text", options: [], required: true, active: true },
  { key: "amount", type: "number", options: [], required: false, active: true },
  { key: "due", type: "date", options: [], required: false, active: true },
  { key: "reason", type: "dropdown", options: ["refund", "exchange"], required: false, active: true },
  { key: "vip", type: "checkbox", options: [], required: false, active: true },
  { key: "old", type: "text", options: [], required: true, active: false },
] satisfies CustomFieldDef[];

describe("custom fields: valid values", () => {
  it("normalises and keeps every known field", () => {
    const r = checkCustomFields(defs, {
      order_no: "  A-17 ",
      amount: 12.5,
      due: "2026-02-28",
      reason: "refund",
      vip: true,
    });
    expect(r).toEqual({
      values: { order_no: "A-17", amount: 12.5, due: "2026-02-28", reason: "refund", vip: true },
      errors: {},
    });
  });

  it("checks required fields against what is stored", () => {
    expect(checkCustomFields(defs, { amount: 1 }, { order_no: "A-1" }).errors).toEqual({});
    expect(checkCustomFields(defs, { amount: 1 }).errors).toEqual({ "customFields.order_no": ["Required"] });
  });
});

describe("custom fields: rejects", () => {
  it("wrong types, impossible dates, unknown options and unknown or retired keys", () => {
    const r = checkCustomFields(defs, {
      order_no: 5,
      amount: "12",
      due: "2026-02-30",
      reason: "steal",
      vip: "yes",
      colour: "red",
      old: "x",
    });
    expect(r.errors).toEqual({
      "customFields.order_no": ["Expected text (at most 10,000 characters)"],
      "customFields.amount": ["Expected a number"],
      "customFields.due": ["Expected a date as YYYY-MM-DD"],
      "customFields.reason": ["Expected one of: refund, exchange"],
      "customFields.vip": ["Expected true or false"],
      "customFields.colour": ["Unknown field"],
      "customFields.old": ["Unknown field"],
    });
    expect(r.values).toEqual({});
  });

  it("clearing a required field", () => {
    expect(checkCustomFields(defs, { order_no: null }, { order_no: "A" }).errors).toEqual({
      "customFields.order_no": ["Required"],
    });
  });
});
