import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { startRelay } from "../../../test/smtp-relay";
import { customer, sendSurveysAtOnce, solvedTicket, surveyed } from "../../../test/surveys";

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp();
});
afterAll(() => relay.close());

describe("surveys in the supervisor's numbers", () => {
  it("count the surveys sent and the answers given, through the metrics views, in their own organisation only", async () => {
    const o = await makeOrg(h);
    const other = await makeOrg(h);
    await sendSurveysAtOnce(o, { nps: true });
    const answers = [
      { rating: 5, nps: 10 },
      { rating: 2, nps: 3 },
    ];
    for (const a of answers) {
      const { token } = await surveyed(h, relay, o);
      expect((await customer(h).post(`/api/v1/surveys/${token}`, a)).status).toBe(201);
    }
    await surveyed(h, relay, o); // sent, never answered
    await solvedTicket(o); // not sent yet: the delay is 0, but no job ran
    const figures = (await o.as.manager.get("/api/v1/metrics/summary")).body.data;
    expect(figures.csat).toEqual({ score: 0.5, responses: 2, distribution: [0, 1, 0, 0, 1] });
    expect(figures.nps).toMatchObject({ score: 0, responses: 2, promoters: 1, detractors: 1 });
    expect(figures.surveys).toMatchObject({ sent: 3, answered: 2 });
    const theirs = (await other.as.manager.get("/api/v1/metrics/summary")).body.data;
    expect([theirs.csat.responses, theirs.surveys.sent]).toEqual([0, 0]);
  });
});
