import {
  one,
  problemSchema,
  publicSurveySchema,
  surveyAnswerInput,
  surveySettingsSchema,
  updateSurveySettingsInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, okResponses, problemResponses } from "../../platform/openapi";

const settingsTags = ["Surveys"];
const settings = one(surveySettingsSchema);

const problem = (description: string) => ({
  content: { "application/problem+json": { schema: problemSchema } },
  description,
});
const publicProblems = {
  400: problemResponses[400],
  404: problem("Unknown, expired or malformed link"),
  413: problemResponses[413],
  422: problem("An answer the survey cannot take"),
  429: problemResponses[429],
};

// The link's token is the only credential: a customer answers without an account.
const publicRoute = { tags: ["Satisfaction surveys"], security: [] as Record<string, string[]>[] };
const token = z.object({ token: z.string().max(500) });
const survey = one(publicSurveySchema);

export const surveySpec = {
  settings: createRoute({
    tags: settingsTags,
    security: authSecurity,
    method: "get",
    path: "/settings/surveys",
    summary: "The organisation's satisfaction survey settings (supervisors and above)",
    responses: okResponses(settings, "The settings"),
  }),
  updateSettings: createRoute({
    tags: settingsTags,
    security: authSecurity,
    method: "patch",
    path: "/settings/surveys",
    summary: "Change some survey settings, keeping the others (admins)",
    request: { body: jsonBody(updateSurveySettingsInput) },
    responses: okResponses(settings, "The settings"),
  }),
  read: createRoute({
    ...publicRoute,
    method: "get",
    path: "/surveys/{token}",
    summary: "The survey a mailed link is for, with the answer so far; reading changes nothing",
    request: { params: token },
    responses: { ...publicProblems, 200: jsonResponse(survey, "The survey") },
  }),
  answer: createRoute({
    ...publicRoute,
    method: "post",
    path: "/surveys/{token}",
    summary: "Answer the survey, or change the answer (one per ticket); left-out fields keep their value",
    request: { params: token, body: jsonBody(surveyAnswerInput) },
    responses: {
      ...publicProblems,
      200: jsonResponse(survey, "The answer was changed"),
      201: jsonResponse(survey, "The first answer was stored"),
    },
  }),
};
