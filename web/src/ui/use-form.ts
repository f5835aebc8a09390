import type { TFunction } from "i18next";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error";

/** The parts of a zod issue this module reads; typed loosely so the web app does not depend on zod itself. */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
}

/** Anything with zod's `safeParse`, so the contract schemas validate forms before they are sent. */
interface InputSchema<Out> {
  safeParse(data: unknown): { success: true; data: Out } | { success: false; error: { issues: readonly Issue[] } };
}

const LOCAL_VALIDATION_ERROR = new ApiError({
  type: "about:blank",
  title: "Validation failed",
  status: 0,
  code: "validation_failed",
});

export type FieldErrors = Record<string, string | undefined>;

/** Words for a zod issue in the reader's language; zod's own messages are English only. */
function issueMessage(issue: Issue, value: unknown, t: TFunction): string {
  const empty = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  if (empty || issue.code === "invalid_type") return t("validation.required");
  if (issue.code === "too_small" && issue.origin === "string") return t("validation.tooShort", { min: issue.minimum });
  if (issue.code === "too_big" && issue.origin === "string") return t("validation.tooLong", { max: issue.maximum });
  if (issue.code === "too_big") return t("validation.tooMany", { max: issue.maximum });
  if (issue.code === "invalid_format" && issue.format === "email") return t("validation.email");
  if (issue.code === "custom" && issue.path[0] === "timeZone") return t("validation.timeZone");
  return t("validation.invalid");
}

export interface FormOptions {
  /**
   * Which input shows the message for a field path ("requester.email"), when the request nests
   * fields the form shows flat. By default the path's first segment.
   */
  fieldOf?: (path: string) => string;
}

function firstSegment(path: string): string {
  return path.split(".")[0] ?? path;
}

/**
 * Controlled form state with per-field errors from two sources: the shared zod contract (checked
 * before sending, in the reader's language) and the server's problem `fields` (after sending).
 */
export function useForm<T extends Record<string, unknown>>(initial: T, options: FormOptions = {}) {
  const { t } = useTranslation();
  const fieldOf = options.fieldOf ?? firstSegment;
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    // The message described the old value; keep it only until the person changes it.
    setErrors((current) => (current[key as string] ? { ...current, [key as string]: undefined } : current));
  }, []);

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  /** Validates `candidate` with a contract schema; on failure shows the messages and returns null. */
  function validate<Out>(schema: InputSchema<Out>, candidate: unknown): Out | null {
    const result = schema.safeParse(candidate);
    if (result.success) {
      setErrors({});
      setFormError(null);
      return result.data;
    }
    const next: FieldErrors = {};
    for (const issue of result.error.issues) {
      const key = fieldOf(issue.path.map(String).join("."));
      if (key in values) next[key] ??= issueMessage(issue, values[key], t);
    }
    setErrors(next);
    // An issue on a field the form does not show would otherwise be silent.
    setFormError(Object.keys(next).length === 0 ? LOCAL_VALIDATION_ERROR : null);
    return null;
  }

  /** Puts a failed request's field messages on the inputs, and anything else in the form alert. */
  function showError(error: unknown): void {
    if (error instanceof ApiError && error.hasFieldErrors) {
      const next: FieldErrors = {};
      let unplaced = false;
      for (const [field, messages] of Object.entries(error.fields)) {
        const key = fieldOf(field);
        if (key in values) next[key] = [next[key], ...messages].filter(Boolean).join(" ");
        else unplaced = true;
      }
      setErrors(next);
      setFormError(unplaced || Object.keys(next).length === 0 ? error : null);
      return;
    }
    setFormError(error);
  }

  return { values, set, reset, errors, formError, validate, showError };
}
