import { describe, expect, it } from "vitest";
import { parseAuthResults, parseAuthResultsHeader } from "./auth-results";

const GMAIL =
  "mx.google.com;\r\n       dkim=pass header.i=@example.com header.s=s1 header.b=Xk3o9pQ1;\r\n" +
  "       spf=pass (google.com: domain of ana@example.com designates 203.0.113.4 as permitted sender) smtp.mailfrom=ana@example.com;\r\n" +
  '       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com; arc=pass reason="key ok; body ok"';

describe("parseAuthResultsHeader reads RFC 8601 results", () => {
  it("reads SPF, DKIM and DMARC with their domains, ignoring comments and other methods", () => {
    expect(parseAuthResultsHeader(GMAIL)).toEqual({
      authservId: "mx.google.com",
      spf: { result: "pass", domain: "example.com" },
      dkim: { result: "pass", domain: "example.com" },
      dmarc: { result: "pass", domain: "example.com" },
    });
  });

  it("counts one good DKIM signature among several, and reads versions and nested comments", () => {
    expect(
      parseAuthResultsHeader(
        "mx.acme.example 1; dkim/1=fail (bad (really) bad) header.d=relay.example; DKIM=Pass header.d=Example.COM; spf=softfail smtp.helo=mail.example.net",
      ),
    ).toEqual({
      authservId: "mx.acme.example",
      spf: { result: "softfail", domain: "mail.example.net" },
      dkim: { result: "pass", domain: "example.com" },
      dmarc: null,
    });
  });

  it("gives no verdicts for 'none' and nothing for a value that is not a result header", () => {
    expect(parseAuthResultsHeader("mx.acme.example; none")).toEqual({
      authservId: "mx.acme.example",
      spf: null,
      dkim: null,
      dmarc: null,
    });
    expect(parseAuthResultsHeader("")).toBeNull();
    expect(parseAuthResultsHeader(" ; spf=pass")).toBeNull();
    expect(parseAuthResultsHeader("mx; spf")).toEqual({ authservId: "mx", spf: null, dkim: null, dmarc: null });
  });
});

describe("parseAuthResults picks the header to believe", () => {
  const ours = "mx.acme.example; spf=fail smtp.mailfrom=ceo@bigcorp.example; dmarc=fail header.from=bigcorp.example";
  const forged = "mx.acme.example.evil; spf=pass smtp.mailfrom=bigcorp.example; dmarc=pass header.from=bigcorp.example";

  it("takes the topmost header when no server is named", () => {
    expect(parseAuthResults([ours, forged])?.dmarc?.result).toBe("fail");
    expect(parseAuthResults(["garbage", ours])?.authservId).toBe("mx.acme.example");
    expect(parseAuthResults([])).toBeNull();
  });

  it("takes only a header written by a trusted server", () => {
    expect(parseAuthResults([forged, ours], ["MX.acme.example"])?.dmarc?.result).toBe("fail");
    expect(parseAuthResults([forged], ["mx.acme.example"])).toBeNull();
  });
});
