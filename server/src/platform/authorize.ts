import { AppError } from "./errors";

/** Throws 403 unless the policy allowed it. */
export function authorize(allowed: boolean, detail = "You are not allowed to do this"): void {
  if (!allowed) throw new AppError("forbidden", detail);
}
