import { SURVEY_DEFAULTS, type SurveySettings, type UpdateSurveySettingsInput } from "@frontline/common";
import { eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { surveySettings } from "./surveys.tables";

/** The organisation's survey settings: its own row, or the defaults until an admin changes them. */
export async function settingsOf(s: OrgTx): Promise<SurveySettings> {
  const [row] = await s.tx.select().from(surveySettings).where(eq(surveySettings.orgId, s.orgId));
  if (!row) return { ...SURVEY_DEFAULTS, questions: [] };
  const { orgId: _org, ...settings } = row;
  return settings;
}

/** The survey settings (the route checked the caller may read them). */
export function getSurveySettings(ctx: Ctx): Promise<SurveySettings> {
  return inOrg(ctx.database, ctx.orgId, settingsOf);
}

/** Changes some settings, keeping the others; audited with what changed. */
export function updateSurveySettings(ctx: Ctx, input: UpdateSurveySettingsInput): Promise<SurveySettings> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await settingsOf(s);
    const after: SurveySettings = { ...before, ...input };
    await s.tx
      .insert(surveySettings)
      .values({ orgId: s.orgId, ...after })
      .onConflictDoUpdate({ target: surveySettings.orgId, set: after });
    await recordAudit(s, ctx, {
      action: "survey_settings.updated",
      entityType: "survey_settings",
      changes: diff({ ...before }, { ...after }),
    });
    return after;
  });
}
