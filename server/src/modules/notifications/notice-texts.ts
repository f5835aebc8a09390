import type { Locale } from "@frontline/common";

/** What a mailed notice says about what happened (a mention, or a rule's notice). */
export interface MentionFacts {
  actorName: string;
  ticketNumber: number;
  ticketSubject: string;
  excerpt: string;
  /** A link to the ticket, when PUBLIC_URL says where Frontline is reached. */
  url: string | null;
}

interface NoticeWords {
  subject(f: MentionFacts): string;
  intro(f: MentionFacts): string;
  open: string;
  why: string;
}

// Plain functions over the facts: nothing in a name or subject is ever evaluated as a template.
const WORDS: Record<Locale, NoticeWords> = {
  en: {
    subject: (f) => `${f.actorName} mentioned you on #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) => `${f.actorName} mentioned you in an internal note on ticket #${f.ticketNumber} “${f.ticketSubject}”:`,
    open: "Open the ticket:",
    why: "You get this mail because a colleague mentioned you in Frontline.",
  },
  ro: {
    subject: (f) => `${f.actorName} te-a menționat pe #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) =>
      `${f.actorName} te-a menționat într-o notă internă pe tichetul #${f.ticketNumber} „${f.ticketSubject}”:`,
    open: "Deschide tichetul:",
    why: "Primești acest e-mail pentru că un coleg te-a menționat în Frontline.",
  },
  de: {
    subject: (f) => `${f.actorName} hat Sie in #${f.ticketNumber} erwähnt: ${f.ticketSubject}`,
    intro: (f) =>
      `${f.actorName} hat Sie in einer internen Notiz zum Ticket #${f.ticketNumber} „${f.ticketSubject}“ erwähnt:`,
    open: "Ticket öffnen:",
    why: "Sie erhalten diese E-Mail, weil jemand aus Ihrem Team Sie in Frontline erwähnt hat.",
  },
  ru: {
    subject: (f) => `${f.actorName} упоминает вас в обращении #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) =>
      `${f.actorName} упоминает вас во внутренней заметке к обращению #${f.ticketNumber} «${f.ticketSubject}»:`,
    open: "Открыть обращение:",
    why: "Вы получили это письмо, потому что коллега упомянул вас во Frontline.",
  },
  ar: {
    subject: (f) => `أشار إليك ${f.actorName} في التذكرة #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) => `أشار إليك ${f.actorName} في ملاحظة داخلية على التذكرة #${f.ticketNumber} «${f.ticketSubject}»:`,
    open: "افتح التذكرة:",
    why: "وصلتك هذه الرسالة لأن أحد زملائك أشار إليك في Frontline.",
  },
};

function compose(w: NoticeWords, f: MentionFacts): { subject: string; text: string } {
  const lines = [w.intro(f), "", `> ${f.excerpt}`, ""];
  if (f.url) lines.push(w.open, f.url, "");
  lines.push("--", w.why);
  return { subject: w.subject(f), text: `${lines.join("\n")}\n` };
}

/** "Open the ticket:" in a language, shared by every mailed notice. */
export const openLabel = (locale: Locale): string => WORDS[locale].open;

/** The subject and plain-text body of a mention notice in the recipient's language. */
export function mentionNotice(locale: Locale, f: MentionFacts): { subject: string; text: string } {
  return compose(WORDS[locale], f);
}

// A rule's notice: the actor is the rule, by its name, and the excerpt is the rule's text.
const RULE_WORDS: Record<Locale, Omit<NoticeWords, "open">> = {
  en: {
    subject: (f) => `Rule “${f.actorName}” on #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) => `The rule “${f.actorName}” asks you to look at ticket #${f.ticketNumber} “${f.ticketSubject}”:`,
    why: "You get this mail because a rule in Frontline names you.",
  },
  ro: {
    subject: (f) => `Regula „${f.actorName}” pe #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) => `Regula „${f.actorName}” îți cere să te uiți la tichetul #${f.ticketNumber} „${f.ticketSubject}”:`,
    why: "Primești acest e-mail pentru că o regulă din Frontline te anunță.",
  },
  de: {
    subject: (f) => `Regel „${f.actorName}“ zu #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) =>
      `Die Regel „${f.actorName}“ bittet Sie, sich das Ticket #${f.ticketNumber} „${f.ticketSubject}“ anzusehen:`,
    why: "Sie erhalten diese E-Mail, weil eine Regel in Frontline Sie benachrichtigt.",
  },
  ru: {
    subject: (f) => `Правило «${f.actorName}» по обращению #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) => `Правило «${f.actorName}» просит вас посмотреть обращение #${f.ticketNumber} «${f.ticketSubject}»:`,
    why: "Вы получили это письмо, потому что правило во Frontline уведомляет вас.",
  },
  ar: {
    subject: (f) => `القاعدة «${f.actorName}» على التذكرة #${f.ticketNumber}: ${f.ticketSubject}`,
    intro: (f) => `تطلب منك القاعدة «${f.actorName}» الاطلاع على التذكرة #${f.ticketNumber} «${f.ticketSubject}»:`,
    why: "وصلتك هذه الرسالة لأن قاعدة في Frontline تنبّهك.",
  },
};

/** The subject and plain-text body of a rule's notice in the recipient's language (`actorName`: the rule's). */
export function ruleNotice(locale: Locale, f: MentionFacts): { subject: string; text: string } {
  return compose({ ...RULE_WORDS[locale], open: WORDS[locale].open }, f);
}
