import type { EscalationOutcome, EscalationType, Locale } from "@frontline/common";
import { type MentionFacts, openLabel } from "./notice-texts";

/** The steps of an escalation that reach someone's bell, and so their mailbox. */
export type EscalationKind =
  | "escalation_requested"
  | "escalation_taken"
  | "escalation_resolved"
  | "escalation_returned";

/** What a mailed escalation notice says: the ticket, the step's actor and note, and the escalation's facts. */
export interface EscalationMailFacts extends MentionFacts {
  kind: EscalationKind;
  /** Who raised it; absent on notices recorded before it was kept (they name the actor). */
  type: EscalationType | undefined;
  /** The reason as labelled in the recipient's language when the step happened. */
  reasonLabel: string;
  outcome: EscalationOutcome | null;
}

type Line = (f: EscalationMailFacts) => string;

interface EscalationWords {
  subject: Record<EscalationKind, Line>;
  intro: Record<EscalationKind, Line>;
  reason: string;
  outcome: string;
  by: string;
  customer: string;
  automation: string;
  note: string;
  coaching: string;
  outcomes: Record<EscalationOutcome, string>;
  /** Why the named handler gets it, and why the agent (or the ticket's assignee) does. */
  whyHandler: string;
  whyAgent: string;
}

// Plain functions over the facts, as for mentions: nothing a person wrote is evaluated as a template.
const WORDS: Record<Locale, EscalationWords> = {
  en: {
    subject: {
      escalation_requested: (f) => `Escalated to you: #${f.ticketNumber} ${f.ticketSubject}`,
      escalation_taken: (f) => `${f.actorName} took the escalation of #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_resolved: (f) => `${f.actorName} resolved the escalation of #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_returned: (f) => `${f.actorName} handed back the escalation of #${f.ticketNumber}: ${f.ticketSubject}`,
    },
    intro: {
      escalation_requested: (f) => `Ticket #${f.ticketNumber} “${f.ticketSubject}” was escalated to you.`,
      escalation_taken: (f) => `${f.actorName} took the escalation of ticket #${f.ticketNumber} “${f.ticketSubject}”.`,
      escalation_resolved: (f) =>
        `${f.actorName} resolved the escalation of ticket #${f.ticketNumber} “${f.ticketSubject}”.`,
      escalation_returned: (f) =>
        `${f.actorName} handed back the escalation of ticket #${f.ticketNumber} “${f.ticketSubject}”.`,
    },
    reason: "Reason:",
    outcome: "Outcome:",
    by: "Escalated by:",
    customer: "the customer",
    automation: "an automation",
    note: "Note:",
    coaching: "Coaching note:",
    outcomes: {
      resolved_by_supervisor: "Resolved by a supervisor",
      returned_to_agent: "Handed back to the agent",
      refund_approved: "Refund approved",
      refund_denied: "Refund denied",
      customer_compensated: "Customer compensated",
      policy_exception: "Exception to policy",
      no_action: "No action needed",
    },
    whyHandler: "You get this mail because an escalation in Frontline was handed to you.",
    whyAgent: "You get this mail because you raised this escalation in Frontline or its ticket is assigned to you.",
  },
  ro: {
    subject: {
      escalation_requested: (f) => `Escaladat către tine: #${f.ticketNumber} ${f.ticketSubject}`,
      escalation_taken: (f) => `${f.actorName} a preluat escaladarea pe #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_resolved: (f) => `${f.actorName} a rezolvat escaladarea pe #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_returned: (f) =>
        `${f.actorName} a predat înapoi escaladarea pe #${f.ticketNumber}: ${f.ticketSubject}`,
    },
    intro: {
      escalation_requested: (f) => `Tichetul #${f.ticketNumber} „${f.ticketSubject}” a fost escaladat către tine.`,
      escalation_taken: (f) =>
        `${f.actorName} a preluat escaladarea tichetului #${f.ticketNumber} „${f.ticketSubject}”.`,
      escalation_resolved: (f) =>
        `${f.actorName} a rezolvat escaladarea tichetului #${f.ticketNumber} „${f.ticketSubject}”.`,
      escalation_returned: (f) =>
        `${f.actorName} a predat înapoi escaladarea tichetului #${f.ticketNumber} „${f.ticketSubject}”.`,
    },
    reason: "Motiv:",
    outcome: "Rezultat:",
    by: "Cine a escaladat:",
    customer: "clientul",
    automation: "o automatizare",
    note: "Notă:",
    coaching: "Notă de îndrumare:",
    outcomes: {
      resolved_by_supervisor: "Rezolvat de un supervizor",
      returned_to_agent: "Predat înapoi agentului",
      refund_approved: "Rambursare aprobată",
      refund_denied: "Rambursare refuzată",
      customer_compensated: "Client despăgubit",
      policy_exception: "Excepție de la regulă",
      no_action: "Nu a fost nevoie de nimic",
    },
    whyHandler: "Primești acest e-mail pentru că ți-a fost predată o escaladare în Frontline.",
    whyAgent:
      "Primești acest e-mail pentru că ai ridicat această escaladare în Frontline sau tichetul îți este atribuit.",
  },
  de: {
    subject: {
      escalation_requested: (f) => `An Sie eskaliert: #${f.ticketNumber} ${f.ticketSubject}`,
      escalation_taken: (f) => `${f.actorName} hat die Eskalation zu #${f.ticketNumber} übernommen: ${f.ticketSubject}`,
      escalation_resolved: (f) =>
        `${f.actorName} hat die Eskalation zu #${f.ticketNumber} erledigt: ${f.ticketSubject}`,
      escalation_returned: (f) =>
        `${f.actorName} hat die Eskalation zu #${f.ticketNumber} zurückgegeben: ${f.ticketSubject}`,
    },
    intro: {
      escalation_requested: (f) => `Das Ticket #${f.ticketNumber} „${f.ticketSubject}“ wurde an Sie eskaliert.`,
      escalation_taken: (f) =>
        `${f.actorName} hat die Eskalation zum Ticket #${f.ticketNumber} „${f.ticketSubject}“ übernommen.`,
      escalation_resolved: (f) =>
        `${f.actorName} hat die Eskalation zum Ticket #${f.ticketNumber} „${f.ticketSubject}“ erledigt.`,
      escalation_returned: (f) =>
        `${f.actorName} hat die Eskalation zum Ticket #${f.ticketNumber} „${f.ticketSubject}“ zurückgegeben.`,
    },
    reason: "Grund:",
    outcome: "Ergebnis:",
    by: "Eskaliert von:",
    customer: "dem Kunden",
    automation: "einer Automatisierung",
    note: "Notiz:",
    coaching: "Coaching-Hinweis:",
    outcomes: {
      resolved_by_supervisor: "Von der Führungskraft gelöst",
      returned_to_agent: "An den Agenten zurückgegeben",
      refund_approved: "Erstattung genehmigt",
      refund_denied: "Erstattung abgelehnt",
      customer_compensated: "Kunde entschädigt",
      policy_exception: "Ausnahme von der Regel",
      no_action: "Nichts zu tun",
    },
    whyHandler: "Sie erhalten diese E-Mail, weil Ihnen in Frontline eine Eskalation übergeben wurde.",
    whyAgent:
      "Sie erhalten diese E-Mail, weil Sie diese Eskalation in Frontline ausgelöst haben oder Ihnen das Ticket zugewiesen ist.",
  },
  ru: {
    subject: {
      escalation_requested: (f) => `Передано вам по эскалации: #${f.ticketNumber} ${f.ticketSubject}`,
      escalation_taken: (f) => `${f.actorName} берёт в работу эскалацию по #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_resolved: (f) => `${f.actorName} завершает эскалацию по #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_returned: (f) => `${f.actorName} возвращает эскалацию по #${f.ticketNumber}: ${f.ticketSubject}`,
    },
    intro: {
      escalation_requested: (f) => `Обращение #${f.ticketNumber} «${f.ticketSubject}» передано вам по эскалации.`,
      escalation_taken: (f) =>
        `${f.actorName} берёт в работу эскалацию по обращению #${f.ticketNumber} «${f.ticketSubject}».`,
      escalation_resolved: (f) =>
        `${f.actorName} завершает эскалацию по обращению #${f.ticketNumber} «${f.ticketSubject}».`,
      escalation_returned: (f) =>
        `${f.actorName} возвращает эскалацию по обращению #${f.ticketNumber} «${f.ticketSubject}».`,
    },
    reason: "Причина:",
    outcome: "Итог:",
    by: "Кто эскалировал:",
    customer: "клиент",
    automation: "автоматическое правило",
    note: "Заметка:",
    coaching: "Совет для агента:",
    outcomes: {
      resolved_by_supervisor: "Решено супервайзером",
      returned_to_agent: "Возвращено агенту",
      refund_approved: "Возврат одобрен",
      refund_denied: "В возврате отказано",
      customer_compensated: "Клиенту выплачена компенсация",
      policy_exception: "Исключение из правил",
      no_action: "Ничего не потребовалось",
    },
    whyHandler: "Вы получили это письмо, потому что вам передали эскалацию во Frontline.",
    whyAgent: "Вы получили это письмо, потому что вы подняли эту эскалацию во Frontline или обращение назначено вам.",
  },
  ar: {
    subject: {
      escalation_requested: (f) => `صُعّدت إليك التذكرة #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_taken: (f) => `تولّى ${f.actorName} تصعيد التذكرة #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_resolved: (f) => `حلّ ${f.actorName} تصعيد التذكرة #${f.ticketNumber}: ${f.ticketSubject}`,
      escalation_returned: (f) => `أعاد ${f.actorName} تصعيد التذكرة #${f.ticketNumber}: ${f.ticketSubject}`,
    },
    intro: {
      escalation_requested: (f) => `صُعّدت إليك التذكرة #${f.ticketNumber} «${f.ticketSubject}».`,
      escalation_taken: (f) => `تولّى ${f.actorName} تصعيد التذكرة #${f.ticketNumber} «${f.ticketSubject}».`,
      escalation_resolved: (f) => `حلّ ${f.actorName} تصعيد التذكرة #${f.ticketNumber} «${f.ticketSubject}».`,
      escalation_returned: (f) =>
        `أعاد ${f.actorName} تصعيد التذكرة #${f.ticketNumber} «${f.ticketSubject}» إلى الموظف.`,
    },
    reason: "السبب:",
    outcome: "النتيجة:",
    by: "صعّدها:",
    customer: "العميل",
    automation: "إجراء آلي",
    note: "ملاحظة:",
    coaching: "ملاحظة توجيهية:",
    outcomes: {
      resolved_by_supervisor: "حلّها مشرف",
      returned_to_agent: "أُعيدت إلى الموظف",
      refund_approved: "تمت الموافقة على الاسترداد",
      refund_denied: "رُفض الاسترداد",
      customer_compensated: "عُوّض العميل",
      policy_exception: "استثناء من السياسة",
      no_action: "لم يلزم أي إجراء",
    },
    whyHandler: "وصلتك هذه الرسالة لأن تصعيدًا سُلّم إليك في Frontline.",
    whyAgent: "وصلتك هذه الرسالة لأنك رفعت هذا التصعيد في Frontline أو لأن التذكرة مسندة إليك.",
  },
};

// Who raised it, as the recipient reads it: a colleague by name, else the customer or an automation.
function escalatedBy(w: EscalationWords, f: EscalationMailFacts): string {
  if (f.type === "customer_request" || f.type === "bad_rating") return w.customer;
  if (f.type === "automatic") return w.automation;
  return f.actorName;
}

/** The subject and plain-text body of an escalation step's notice in the recipient's language. */
export function escalationNotice(locale: Locale, f: EscalationMailFacts): { subject: string; text: string } {
  const w = WORDS[locale];
  const lines = [w.intro[f.kind](f), ""];
  if (f.kind === "escalation_resolved" && f.outcome) lines.push(`${w.outcome} ${w.outcomes[f.outcome]}`);
  if (f.reasonLabel) lines.push(`${w.reason} ${f.reasonLabel}`);
  if (f.kind === "escalation_requested") lines.push(`${w.by} ${escalatedBy(w, f)}`);
  if (lines.length > 2) lines.push("");
  if (f.excerpt) lines.push(f.kind === "escalation_returned" ? w.coaching : w.note, `> ${f.excerpt}`, "");
  if (f.url) lines.push(openLabel(locale), f.url, "");
  lines.push("--", f.kind === "escalation_requested" ? w.whyHandler : w.whyAgent);
  return { subject: w.subject[f.kind](f), text: `${lines.join("\n")}\n` };
}
