import type { Locale } from "@frontline/common";

/** The words of a survey mail in one language. */
export interface SurveyWords {
  subject: (subject: string) => string;
  greeting: (name: string) => string;
  intro: (number: number, subject: string) => string;
  /** The ratings' names, 1 (worst) to 5 (best). */
  ratings: readonly [string, string, string, string, string];
  oneClick: string;
  more: string;
  expires: (date: string) => string;
  why: string;
}

export const SURVEY_WORDS: Record<Locale, SurveyWords> = {
  en: {
    subject: (s) => `How did we do? “${s}”`,
    greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
    intro: (n, s) => `Your request #${n} “${s}” has been solved. How would you rate the help you received?`,
    ratings: ["Very poor", "Poor", "OK", "Good", "Excellent"],
    oneClick: "One click is enough:",
    more: "Tell us more (optional)",
    expires: (date) => `These links work until ${date}.`,
    why: "You get this mail once, because your request was solved. There is no need to reply.",
  },
  ro: {
    subject: (s) => `Cum ne-am descurcat? „${s}”`,
    greeting: (name) => (name ? `Bună ziua, ${name},` : "Bună ziua,"),
    intro: (n, s) => `Solicitarea dumneavoastră #${n} „${s}” a fost rezolvată. Cum apreciați ajutorul primit?`,
    ratings: ["Foarte slab", "Slab", "Acceptabil", "Bun", "Excelent"],
    oneClick: "Este suficient un singur clic:",
    more: "Spuneți-ne mai multe (opțional)",
    expires: (date) => `Linkurile sunt valabile până la ${date}.`,
    why: "Primiți acest e-mail o singură dată, deoarece solicitarea dumneavoastră a fost rezolvată. Nu este nevoie să răspundeți.",
  },
  de: {
    subject: (s) => `Wie waren wir? „${s}“`,
    greeting: (name) => (name ? `Hallo ${name},` : "Hallo,"),
    intro: (n, s) => `Ihre Anfrage #${n} „${s}“ wurde gelöst. Wie bewerten Sie die Hilfe, die Sie erhalten haben?`,
    ratings: ["Sehr schlecht", "Schlecht", "In Ordnung", "Gut", "Ausgezeichnet"],
    oneClick: "Ein Klick genügt:",
    more: "Erzählen Sie uns mehr (freiwillig)",
    expires: (date) => `Diese Links funktionieren bis zum ${date}.`,
    why: "Sie erhalten diese E-Mail einmalig, weil Ihre Anfrage gelöst wurde. Sie müssen nicht antworten.",
  },
  ru: {
    subject: (s) => `Как мы справились? «${s}»`,
    greeting: (name) => (name ? `Здравствуйте, ${name}!` : "Здравствуйте!"),
    intro: (n, s) => `Ваш запрос #${n} «${s}» решён. Как вы оцениваете полученную помощь?`,
    ratings: ["Очень плохо", "Плохо", "Нормально", "Хорошо", "Отлично"],
    oneClick: "Достаточно одного нажатия:",
    more: "Расскажите подробнее (по желанию)",
    expires: (date) => `Ссылки действуют до ${date}.`,
    why: "Это письмо приходит один раз, потому что ваш запрос решён. Отвечать на него не нужно.",
  },
  ar: {
    subject: (s) => `كيف كان أداؤنا؟ «${s}»`,
    greeting: (name) => (name ? `مرحبًا ${name}،` : "مرحبًا،"),
    intro: (n, s) => `تم حل طلبك رقم ${n} «${s}». كيف تقيّم المساعدة التي تلقيتها؟`,
    ratings: ["سيئ جدًا", "سيئ", "مقبول", "جيد", "ممتاز"],
    oneClick: "نقرة واحدة تكفي:",
    more: "أخبرنا بالمزيد (اختياري)",
    expires: (date) => `تعمل هذه الروابط حتى ${date}.`,
    why: "تصلك هذه الرسالة مرة واحدة لأن طلبك قد حُلّ. لا داعي للرد عليها.",
  },
};
