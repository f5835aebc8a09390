import type { Ticket } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/api-error";
import { bulkProblems } from "./bulk";

const tickets = [{ number: 101 }, { number: 102 }, { number: 103 }] as Ticket[];

function refused(fields: Record<string, string[]>) {
  return new ApiError({ type: "t", title: "Unprocessable", status: 422, code: "unprocessable", fields });
}

describe("bulkProblems", () => {
  it("names each refusing ticket by its number, in order", () => {
    const error = refused({
      "ids.2.status": ["Cannot move from closed to open"],
      "ids.0.status": ["Cannot move from solved to pending"],
    });
    expect(bulkProblems(error, tickets)).toEqual([
      { number: 101, message: "Cannot move from solved to pending" },
      { number: 103, message: "Cannot move from closed to open" },
    ]);
  });

  it("accepts a bare ids.N and ignores fields that name no ticket", () => {
    const error = refused({ "ids.1": ["Not found"], "ids.9.status": ["x"], "changes.status": ["y"] });
    expect(bulkProblems(error, tickets)).toEqual([{ number: 102, message: "Not found" }]);
  });

  it("is empty for anything but an API error with fields", () => {
    expect(bulkProblems(new Error("boom"), tickets)).toEqual([]);
    expect(bulkProblems(refused({}), tickets)).toEqual([]);
  });
});
