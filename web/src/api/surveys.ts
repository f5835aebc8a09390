import {
  one,
  type PublicSurvey,
  publicSurveySchema,
  type SurveyAnswerInput,
  type SurveySettings,
  surveySettingsSchema,
  type UpdateSurveySettingsInput,
} from "@frontline/common";
import { apiGet, apiPatch, apiPost } from "./client";

const settingsResponse = one(surveySettingsSchema);
const surveyResponse = one(publicSurveySchema);

/** The organisation's survey settings (supervisors and above). */
export async function getSurveySettings(signal?: AbortSignal): Promise<SurveySettings> {
  return (await apiGet("/settings/surveys", settingsResponse, undefined, signal)).data;
}

/** Changes some survey settings (admins). */
export async function updateSurveySettings(input: UpdateSurveySettingsInput): Promise<SurveySettings> {
  return (await apiPatch("/settings/surveys", input, settingsResponse)).data;
}

// The survey page's calls need no session: the link's token is the credential, and these
// endpoints never answer 401, so the staff client's sign-out hook is never reached.

const surveyPath = (token: string) => `/surveys/${encodeURIComponent(token)}`;

/** The survey a mailed link is for, with the customer's answer so far. */
export async function getSurvey(token: string, signal?: AbortSignal): Promise<PublicSurvey> {
  return (await apiGet(surveyPath(token), surveyResponse, undefined, signal)).data;
}

/** Answers the survey, or changes the answer; left-out fields keep their value. */
export async function answerSurvey(token: string, input: SurveyAnswerInput): Promise<PublicSurvey> {
  return (await apiPost(surveyPath(token), input, surveyResponse)).data;
}
