import type { Locale } from "@frontline/common";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { directionOf, isLocale } from "./languages";
import ar from "./locales/ar.json";
import de from "./locales/de.json";
import en from "./locales/en.json";
import ro from "./locales/ro.json";
import ru from "./locales/ru.json";

const STORAGE_KEY = "frontline.locale";

/** The language chosen on this device before (or without) signing in, else the browser's first supported one. */
function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); the browser language still works.
  }
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

/** Sets <html lang dir> so screen readers, fonts and CSS logical properties follow the language. */
function applyToDocument(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; the profile still keeps it after sign-in.
  }
}

/** Starts i18next with all five locales bundled: they are small, and switching must be instant. */
export function setupI18n() {
  const lng = initialLocale();
  i18next.on("languageChanged", applyToDocument);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: "en",
    supportedLngs: ["en", "ro", "de", "ru", "ar"],
    resources: {
      en: { translation: en },
      ro: { translation: ro },
      de: { translation: de },
      ru: { translation: ru },
      ar: { translation: ar },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  applyToDocument(lng);
  return i18next;
}

/** Switches the interface language at once; the caller saves it to the profile when signed in. */
export function changeLocale(locale: Locale): Promise<unknown> {
  return i18next.changeLanguage(locale);
}

/** The current interface language as a supported locale. */
export function currentLocale(): Locale {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLocale(lng) ? lng : "en";
}
