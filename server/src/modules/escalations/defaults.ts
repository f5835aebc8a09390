import type { Locale } from "@frontline/common";

/** A built-in reason: its code and its label in every language Frontline speaks. */
export interface DefaultReason {
  code: string;
  labels: Record<Locale, string>;
}

/** The reasons every organisation starts with, in this order. */
export const DEFAULT_REASONS: readonly DefaultReason[] = [
  {
    code: "angry_customer",
    labels: {
      en: "Angry customer",
      ro: "Client nervos",
      de: "Verärgerter Kunde",
      ru: "Рассерженный клиент",
      ar: "عميل غاضب",
    },
  },
  {
    code: "refund_above_limit",
    labels: {
      en: "Refund above my limit",
      ro: "Rambursare peste limita mea",
      de: "Erstattung über meinem Limit",
      ru: "Возврат сверх моего лимита",
      ar: "استرداد يتجاوز صلاحياتي",
    },
  },
  {
    code: "legal_threat",
    labels: {
      en: "Legal threat",
      ro: "Amenințare cu acțiune în justiție",
      de: "Androhung rechtlicher Schritte",
      ru: "Угроза судом",
      ar: "تهديد باتخاذ إجراء قانوني",
    },
  },
  {
    code: "technical_expertise",
    labels: {
      en: "Needs technical expertise",
      ro: "Necesită expertiză tehnică",
      de: "Technisches Fachwissen nötig",
      ru: "Нужна техническая экспертиза",
      ar: "يحتاج إلى خبرة تقنية",
    },
  },
  {
    code: "vip",
    labels: {
      en: "VIP customer",
      ro: "Client VIP",
      de: "VIP-Kunde",
      ru: "VIP-клиент",
      ar: "عميل مميز (VIP)",
    },
  },
  {
    code: "repeated_contact",
    labels: {
      en: "Repeated contact",
      ro: "Contact repetat",
      de: "Wiederholte Kontaktaufnahme",
      ru: "Повторное обращение",
      ar: "تواصل متكرر",
    },
  },
  {
    code: "customer_request",
    labels: {
      en: "Customer asked for a supervisor",
      ro: "Clientul a cerut un supervizor",
      de: "Kunde verlangt eine Führungskraft",
      ru: "Клиент просит руководителя",
      ar: "طلب العميل التحدث إلى مشرف",
    },
  },
  {
    code: "sla_breach",
    labels: {
      en: "Service level breached",
      ro: "Nivelul de serviciu a fost depășit",
      de: "Service-Level verletzt",
      ru: "Нарушен уровень обслуживания",
      ar: "تجاوز مستوى الخدمة المتفق عليه",
    },
  },
  {
    code: "other",
    labels: { en: "Other", ro: "Altceva", de: "Sonstiges", ru: "Другое", ar: "سبب آخر" },
  },
  // Added after the others: organisations that changed their list got it appended (migration 0026).
  {
    code: "bad_rating",
    labels: {
      en: "Low satisfaction rating",
      ro: "Evaluare slabă a satisfacției",
      de: "Schlechte Zufriedenheitsbewertung",
      ru: "Низкая оценка удовлетворённости",
      ar: "تقييم رضا منخفض",
    },
  },
];

/** The reason a customer's own request is filed under. */
export const CUSTOMER_REQUEST_REASON = "customer_request";

/** The reason a low rating in a satisfaction survey is filed under. */
export const BAD_RATING_REASON = "bad_rating";

/**
 * What customers write when they want someone higher up, per language. Words match whole, case and
 * accents aside; a `*` at an end lets that end run on ("руководител*" finds "руководителя",
 * "*لمدير" finds "المدير", "بالمدير" and "للمدير"). Bare titles ("manager") are left to languages where they rarely mean
 * anything else in a message to support.
 */
export const DEFAULT_PHRASES: Record<Locale, readonly string[]> = {
  en: [
    "speak to a manager",
    "speak with a manager",
    "talk to a manager",
    "speak to a supervisor",
    "speak with a supervisor",
    "talk to a supervisor",
    "your supervisor",
    "your manager",
    "your boss",
    "someone in charge",
    "escalate this",
  ],
  ro: ["supervizor*", "șeful", "șefa", "șeful dumneavoastră", "manager", "managerul*", "un superior", "superiorul*"],
  de: ["Vorgesetzten", "Vorgesetzte", "Vorgesetzter", "Ihren Chef", "Ihre Chefin", "Teamleit*", "Geschäftsführ*"],
  ru: ["руководител*", "начальник*", "супервайзер*", "старшего менеджера", "позовите менеджера"],
  ar: ["*مشرف*", "*لمدير", "مديرك", "مديركم", "*المسؤول", "مسؤول أعلى"],
};
