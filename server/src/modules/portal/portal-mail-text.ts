import type { Locale } from "@frontline/common";

/** What a portal mail says; every value is plain text, placed into the mail as text. */
export interface LinkMailValues {
  org: string;
  name: string;
  link: string;
  portal: string;
  number?: number | undefined;
  subject?: string | undefined;
}

interface Texts {
  hello: (v: LinkMailValues) => string;
  signInSubject: (v: LinkMailValues) => string;
  signInBody: (v: LinkMailValues) => string;
  receivedSubject: (v: LinkMailValues) => string;
  receivedBody: (v: LinkMailValues) => string;
  receivedLink: (v: LinkMailValues) => string;
  ignore: string;
}

// Customers read these in their own language; each locale is written, not machine-filled, and a
// test checks every locale says every part.
const TEXTS: Record<Locale, Texts> = {
  en: {
    hello: (v) => `Hello ${v.name},`,
    signInSubject: (v) => `Your sign-in link for ${v.org}`,
    signInBody: (v) =>
      `Use this link to see and answer your requests with ${v.org}:\n\n${v.link}\n\nThe link works once and expires in 30 minutes.`,
    receivedSubject: (v) => `We received your request: ${v.subject} [#${v.number}]`,
    receivedBody: (v) =>
      `Thank you for writing to ${v.org}. Your request #${v.number} "${v.subject}" has been received; we will answer you by email. You can also simply reply to this mail.`,
    receivedLink: (v) =>
      `To follow it online or add to it:\n\n${v.link}\n\nThe link signs you in once and expires in 7 days; afterwards you can ask for a new one at ${v.portal}`,
    ignore: "If you did not ask for this, you can ignore this mail.",
  },
  ro: {
    hello: (v) => `Bună ziua, ${v.name},`,
    signInSubject: (v) => `Linkul dumneavoastră de autentificare pentru ${v.org}`,
    signInBody: (v) =>
      `Folosiți acest link pentru a vedea și a răspunde la solicitările dumneavoastră către ${v.org}:\n\n${v.link}\n\nLinkul funcționează o singură dată și expiră în 30 de minute.`,
    receivedSubject: (v) => `Am primit solicitarea dumneavoastră: ${v.subject} [#${v.number}]`,
    receivedBody: (v) =>
      `Vă mulțumim că ne-ați scris, ${v.org}. Solicitarea dumneavoastră nr. ${v.number} „${v.subject}” a fost primită; vă vom răspunde prin e-mail. Puteți de asemenea să răspundeți direct la acest mesaj.`,
    receivedLink: (v) =>
      `Pentru a o urmări online sau a adăuga informații:\n\n${v.link}\n\nLinkul vă autentifică o singură dată și expiră în 7 zile; după aceea puteți cere unul nou la ${v.portal}`,
    ignore: "Dacă nu ați cerut acest lucru, puteți ignora acest mesaj.",
  },
  de: {
    hello: (v) => `Guten Tag ${v.name},`,
    signInSubject: (v) => `Ihr Anmeldelink für ${v.org}`,
    signInBody: (v) =>
      `Mit diesem Link sehen und beantworten Sie Ihre Anfragen bei ${v.org}:\n\n${v.link}\n\nDer Link funktioniert einmal und läuft in 30 Minuten ab.`,
    receivedSubject: (v) => `Wir haben Ihre Anfrage erhalten: ${v.subject} [#${v.number}]`,
    receivedBody: (v) =>
      `Vielen Dank für Ihre Nachricht an ${v.org}. Ihre Anfrage Nr. ${v.number} „${v.subject}“ ist eingegangen; wir antworten Ihnen per E-Mail. Sie können auch einfach auf diese E-Mail antworten.`,
    receivedLink: (v) =>
      `So verfolgen oder ergänzen Sie sie online:\n\n${v.link}\n\nDer Link meldet Sie einmal an und läuft in 7 Tagen ab; danach können Sie unter ${v.portal} einen neuen anfordern.`,
    ignore: "Wenn Sie dies nicht angefordert haben, können Sie diese E-Mail ignorieren.",
  },
  ru: {
    hello: (v) => `Здравствуйте, ${v.name}!`,
    signInSubject: (v) => `Ваша ссылка для входа: ${v.org}`,
    signInBody: (v) =>
      `По этой ссылке вы увидите свои обращения в ${v.org} и сможете на них ответить:\n\n${v.link}\n\nСсылка работает один раз и действует 30 минут.`,
    receivedSubject: (v) => `Мы получили ваше обращение: ${v.subject} [#${v.number}]`,
    receivedBody: (v) =>
      `Спасибо, что написали в ${v.org}. Ваше обращение № ${v.number} «${v.subject}» получено; мы ответим вам по электронной почте. Вы также можете просто ответить на это письмо.`,
    receivedLink: (v) =>
      `Следить за обращением или дополнить его можно здесь:\n\n${v.link}\n\nСсылка выполняет вход один раз и действует 7 дней; потом новую можно запросить на ${v.portal}`,
    ignore: "Если вы этого не запрашивали, просто проигнорируйте это письмо.",
  },
  ar: {
    hello: (v) => `مرحبًا ${v.name}،`,
    signInSubject: (v) => `رابط تسجيل الدخول الخاص بك إلى ${v.org}`,
    signInBody: (v) =>
      `استخدم هذا الرابط لعرض طلباتك لدى ${v.org} والرد عليها:\n\n${v.link}\n\nيعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 30 دقيقة.`,
    receivedSubject: (v) => `تلقّينا طلبك: ${v.subject} [#${v.number}]`,
    receivedBody: (v) =>
      `شكرًا لتواصلك مع ${v.org}. تم استلام طلبك رقم ${v.number} «${v.subject}»، وسنرد عليك عبر البريد الإلكتروني. يمكنك أيضًا الرد على هذه الرسالة مباشرة.`,
    receivedLink: (v) =>
      `لمتابعة الطلب عبر الإنترنت أو الإضافة إليه:\n\n${v.link}\n\nيسجّل الرابط دخولك مرة واحدة وتنتهي صلاحيته خلال 7 أيام؛ بعد ذلك يمكنك طلب رابط جديد من ${v.portal}`,
    ignore: "إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة.",
  },
};

/** The subject and text of a portal link mail in the customer's language. */
export function linkMail(
  locale: Locale,
  reason: "sign_in" | "request_received",
  v: LinkMailValues,
): { subject: string; text: string } {
  const t = TEXTS[locale];
  if (reason === "sign_in") {
    return { subject: t.signInSubject(v), text: [t.hello(v), t.signInBody(v), t.ignore].join("\n\n") };
  }
  return {
    subject: t.receivedSubject(v),
    text: [t.hello(v), t.receivedBody(v), t.receivedLink(v)].join("\n\n"),
  };
}
