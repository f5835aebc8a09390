import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** A rating's name ("Good") in the reader's language. */
export function useRatingLabel(): (rating: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (rating) => t(`surveys.ratings.${String(Math.min(Math.max(rating, 1), 5)) as "1" | "2" | "3" | "4" | "5"}`),
    [t],
  );
}
