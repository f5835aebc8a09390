import { z } from "zod";
import { isoDateTime, type Locale, localeSchema } from "./shared";

// Satisfaction surveys: CSAT (1..5) on every survey, NPS (0..10) and a few questions of the
// organisation's own when it asks for them. Customers answer through a mailed link, no account needed.

/** The ratings a customer may give, worst to best. */
export const SURVEY_RATINGS = [1, 2, 3, 4, 5] as const;
export const ratingSchema = z.number().int().min(1).max(5);
export const npsSchema = z.number().int().min(0).max(10);

/** The most questions of its own an organisation may add to a survey. */
export const MAX_SURVEY_QUESTIONS = 5;

/** A text shown to customers: one for everyone, or one per language (missing ones fall back). */
export const localizedTextSchema = z.union([
  z.string().trim().min(1).max(300),
  z
    .strictObject({
      en: z.string().trim().min(1).max(300).optional(),
      ro: z.string().trim().min(1).max(300).optional(),
      de: z.string().trim().min(1).max(300).optional(),
      ru: z.string().trim().min(1).max(300).optional(),
      ar: z.string().trim().min(1).max(300).optional(),
    })
    .refine((labels) => Object.values(labels).some(Boolean), { message: "Give a text in at least one language" }),
]);
export type LocalizedText = string | Partial<Record<Locale, string>>;

/** A localized text in a language: that language's, else English, else any. */
export function localizedText(text: LocalizedText, locale: Locale): string {
  if (typeof text === "string") return text;
  return text[locale] ?? text.en ?? Object.values(text).find(Boolean) ?? "";
}

/** Question and option ids: chosen once, kept in stored answers. */
const keySchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, _ and - only");

const textQuestion = z.strictObject({ id: keySchema, label: localizedTextSchema, kind: z.literal("text") });
const choiceQuestion = z.strictObject({
  id: keySchema,
  label: localizedTextSchema,
  kind: z.literal("choice"),
  options: z
    .array(z.strictObject({ id: keySchema, label: localizedTextSchema }))
    .min(2)
    .max(10)
    .refine((options) => new Set(options.map((o) => o.id)).size === options.length, {
      message: "Two options have the same id",
    }),
});

/** A question of the organisation's own: free text, or one choice among options. */
export const surveyQuestionSchema = z.discriminatedUnion("kind", [textQuestion, choiceQuestion]);
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

const questionsSchema = z
  .array(surveyQuestionSchema)
  .max(MAX_SURVEY_QUESTIONS)
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "Two questions have the same id" });
      seen.add(q.id);
    });
  });

/** An organisation's survey settings. */
export const surveySettingsSchema = z.object({
  enabled: z.boolean(),
  /** Minutes after a ticket is solved that its survey goes out. */
  delayMinutes: z.number().int(),
  /** Whether the survey also asks how likely the customer is to recommend us (0..10). */
  nps: z.boolean(),
  questions: z.array(surveyQuestionSchema),
  /** A rating at or below this opens an escalation for a supervisor; 0 never does. */
  badRatingAtOrBelow: z.number().int(),
  /** Days a survey link works after it was mailed. */
  expiresDays: z.number().int(),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

/** What an organisation has before an admin changes anything. */
export const SURVEY_DEFAULTS: SurveySettings = {
  enabled: true,
  delayMinutes: 60,
  nps: false,
  questions: [],
  badRatingAtOrBelow: 2,
  expiresDays: 30,
};

export const updateSurveySettingsInput = z
  .strictObject({
    enabled: z.boolean().optional(),
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .optional(),
    nps: z.boolean().optional(),
    questions: questionsSchema.optional(),
    badRatingAtOrBelow: z.number().int().min(0).max(4).optional(),
    expiresDays: z.number().int().min(1).max(90).optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: "Give at least one setting" });
export type UpdateSurveySettingsInput = z.infer<typeof updateSurveySettingsInput>;

/** A customer's answer, as stored and shown back to them. */
export const surveyResponseSchema = z.object({
  rating: ratingSchema,
  nps: npsSchema.nullable(),
  comment: z.string().nullable(),
  /** Answers to the organisation's questions by question id: the text, or the chosen option's id. */
  answers: z.record(z.string(), z.string()),
  updatedAt: isoDateTime,
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

/** What the survey page needs; anyone holding the mailed link may read it. */
export const publicSurveySchema = z.object({
  organization: z.object({ name: z.string() }),
  ticket: z.object({ number: z.number().int(), subject: z.string() }),
  /** The customer's language: the ticket's, else theirs, else the organisation's. */
  locale: localeSchema,
  nps: z.boolean(),
  questions: z.array(surveyQuestionSchema),
  /** The answer given so far, which the customer may change. */
  response: surveyResponseSchema.nullable(),
  expiresAt: isoDateTime,
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

/**
 * The customer's answer. A rating is always given; a field left out keeps what was answered
 * before (so a one-click rating from the mail keeps an earlier comment), `null` clears it.
 */
export const surveyAnswerInput = z.strictObject({
  rating: ratingSchema,
  nps: npsSchema.nullable().optional(),
  comment: z.string().trim().max(5000).nullable().optional(),
  answers: z.record(keySchema, z.string().trim().max(2000)).optional(),
});
export type SurveyAnswerInput = z.infer<typeof surveyAnswerInput>;
