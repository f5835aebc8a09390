import type { DemoTicket } from "./demo-play";

const ALEX = "agent@demo.test";
const ANDREI = "andrei@demo.test";
const JONAS = "jonas@demo.test";
const STEFAN = "supervisor@demo.test";

// Invoices, refunds and payments, each in the customer's language. Refund requests name no team:
// the rule "Refund requests go to Billing" sends them there.
export const BILLING_TICKETS: DemoTicket[] = [
  {
    customer: "petra.schmidt@berger-maschinenbau.example",
    channel: "portal",
    subject: "Neue Rechnungsadresse ab nächstem Monat",
    body: "Guten Tag,\n\nab dem 1. nächsten Monats lautet unsere Rechnungsadresse: Berger Maschinenbau GmbH, Buchhaltung, Industriestraße 14, 70565 Stuttgart. Bitte stellen Sie alle Rechnungen ab dann an diese Adresse aus.\n\nVielen Dank\nPetra Schmidt",
    priority: "low",
    team: "billing",
    assignee: JONAS,
    tags: ["invoice"],
    steps: [
      {
        reply:
          "Guten Tag Frau Schmidt,\n\ndanke für die Information. Die neue Rechnungsadresse ist hinterlegt und gilt ab der nächsten Rechnung.\n\nViele Grüße\nJonas Weber",
        by: JONAS,
        status: "solved",
      },
      { status: "closed", by: JONAS },
    ],
  },
  {
    customer: "elena.stan@example.org",
    channel: "api",
    subject: "Cum descarc facturile din cont?",
    body: "Bună ziua,\n\nNu găsesc facturile din ultimele trei luni în contul meu. De unde le pot descărca în format PDF?\n\nElena Stan",
    priority: "low",
    team: "billing",
    assignee: ANDREI,
    tags: ["invoice", "how-to"],
    steps: [
      {
        reply:
          "Bună ziua, doamna Stan,\n\nFacturile se află în contul dumneavoastră, la Setări → Facturare → Istoric. Lângă fiecare factură există butonul „Descarcă PDF”. Dacă lipsește vreuna, scrieți-ne și v-o trimitem noi.\n\nCu stimă,\nAndrei Popescu",
        by: ANDREI,
        status: "solved",
      },
    ],
  },
  {
    customer: "mihai.dumitrescu@example.net",
    channel: "email",
    subject: "Factură greșită – TVA calculat de două ori",
    body: "Bună ziua,\n\nPe factura FL-2291 din luna aceasta TVA-ul apare de două ori: o dată pe fiecare produs și încă o dată la total. Suma corectă ar fi 1.190 lei, nu 1.416 lei. Puteți emite o factură corectată?\n\nMihai Dumitrescu",
    team: "billing",
    assignee: ANDREI,
    tags: ["invoice"],
    steps: [
      {
        reply:
          "Bună ziua, domnule Dumitrescu,\n\nAveți dreptate, TVA-ul a fost adăugat de două ori din cauza unei erori la generarea facturii. Am anulat factura FL-2291 și am emis factura corectată FL-2291-C, în valoare de 1.190 lei. O găsiți în contul dumneavoastră.\n\nCu stimă,\nAndrei Popescu",
        by: ANDREI,
      },
      { customer: "Am primit factura corectată, totul este în regulă acum. Mulțumesc pentru rapiditate!" },
      { status: "solved", by: ANDREI },
    ],
  },
  {
    customer: "james.oconnor@example.com",
    channel: "email",
    subject: "Refund for a router that arrived two weeks late",
    body: "Hi,\n\nI ordered the FL-300 router on the 2nd with next-day delivery (€380 including express shipping). It only arrived yesterday, two weeks late, and by then I had bought another one locally. I'd like to send it back and get a full refund, express shipping included.\n\nRegards,\nJames O'Connor",
    assignee: ALEX,
    tags: ["delivery"],
    steps: [
      {
        escalate: "refund_above_limit",
        by: ALEX,
        why: "Full refund with express shipping is €380 for a late delivery: above my limit, and the box has been opened.",
        to: STEFAN,
      },
      { take: STEFAN },
      {
        resolve: "refund_approved",
        by: STEFAN,
        summary:
          "Approved: the carrier missed the delivery date, so we refund everything, express shipping included. Send James a return label.",
      },
      {
        reply:
          "Hi James,\n\nGood news: we'll refund the full €380, express shipping included — the delay was the carrier's fault, not yours. A prepaid return label is on its way to you by email; the refund is issued as soon as the parcel is scanned.\n\nSorry for the trouble,\nAlex",
        by: ALEX,
        status: "solved",
      },
    ],
  },
  {
    customer: "ana.popescu@example.net",
    channel: "web",
    subject: "Comanda anulată #58213 – banii nu au revenit",
    body: "Bună ziua,\n\nAm anulat comanda #58213 pe 2 mai, la o oră după ce am plasat-o, dar suma de 349 lei nu mi-a fost returnată încă. Vă rog să verificați și să îmi spuneți când primesc rambursarea.\n\nMulțumesc,\nAna Popescu",
    assignee: ANDREI,
    steps: [
      {
        reply:
          "Bună ziua, doamna Popescu,\n\nAm verificat comanda #58213: anularea a fost înregistrată, iar plata a fost returnată din partea noastră pe 3 mai. Ca să urmărim transferul la bancă, vă rog să ne trimiteți ultimele patru cifre ale cardului folosit.\n\nCu stimă,\nAndrei Popescu",
        by: ANDREI,
        status: "pending",
      },
    ],
  },
  {
    customer: "sophie.turner@brightwave.example",
    channel: "phone",
    subject: "Card payment declined on annual renewal",
    body: "Sophie called: the annual renewal for Brightwave's 40 seats was declined twice this morning. Her bank sees no attempt, so the decline happens at the payment provider. Told her we would check with them and keep the account active meanwhile.",
    team: "billing",
    assignee: ALEX,
    tags: ["payment"],
    steps: [
      {
        note: "Opened a case with the payment provider (ref PSP-55102). On hold until they answer; the account stays active for 14 days.",
        by: ALEX,
      },
      { status: "on_hold", by: ALEX },
    ],
  },
  {
    customer: "klaus.berger@berger-maschinenbau.example",
    channel: "email",
    subject: "Dritte Mahnung trotz bezahlter Rechnung",
    body: "Sehr geehrte Damen und Herren,\n\nheute kam bereits die dritte Mahnung für die Rechnung RE-7781, obwohl wir den Betrag von 2.860 € am 12. des Monats überwiesen haben. Den Zahlungsbeleg habe ich Ihnen schon zweimal geschickt. Das ist inakzeptabel – ich erwarte, dass das Mahnverfahren sofort gestoppt wird.\n\nMit freundlichen Grüßen\nKlaus Berger\nBerger Maschinenbau GmbH",
    priority: "high",
    team: "billing",
    assignee: JONAS,
    tags: ["invoice", "dunning"],
    steps: [
      {
        reply:
          "Sehr geehrter Herr Berger,\n\nbitte entschuldigen Sie. Ihre Zahlung vom 12. ist bei uns eingegangen, wurde aber einer falschen Rechnung zugeordnet. Ich habe das Mahnverfahren für RE-7781 gestoppt und die Zuordnung korrigiert; Sie erhalten heute noch eine schriftliche Bestätigung.\n\nMit freundlichen Grüßen\nJonas Weber",
        by: JONAS,
      },
      {
        note: "The payment was matched to RE-7718 instead of RE-7781 (digits swapped). Dunning stopped; the complaint waits for a supervisor.",
        by: JONAS,
      },
    ],
  },
  {
    customer: "emma.clarke@brightwave.example",
    channel: "email",
    subject: "Refund for duplicate charge on invoice INV-20417",
    body: "Hello,\n\nOur card was charged twice for invoice INV-20417 (£1,240.00 on the 3rd and again on the 4th). Please refund the second payment. The lines from our bank statement are attached.\n\nThanks,\nEmma Clarke\nOffice manager, Brightwave Ltd",
    priority: "high",
    assignee: ALEX,
    tags: ["invoice"],
    files: [
      {
        name: "statement-lines.csv",
        text: "date,description,amount\n03,FRONTLINE DEMO INV-20417,-1240.00\n04,FRONTLINE DEMO INV-20417,-1240.00\n",
      },
    ],
    steps: [
      {
        reply:
          "Hi Emma,\n\nThank you for the statement lines: I can see both payments for INV-20417. A refund of this size needs a supervisor's approval, so I have passed it on and will come back to you today.\n\nBest regards,\nAlex",
        by: ALEX,
      },
      {
        escalate: "refund_above_limit",
        by: ALEX,
        why: "Duplicate payment of £1,240 on INV-20417; my refund limit is £500.",
        to: STEFAN,
      },
    ],
  },
  {
    customer: "omar.alfarsi@alnoor.example",
    channel: "email",
    subject: "طلب استرداد رسوم الاشتراك السنوي",
    body: "السلام عليكم،\n\nقمنا بإلغاء الاشتراك السنوي لفرع جدة بعد يومين فقط من تجديده، ونرجو استرداد المبلغ المدفوع وقدره ٤٬٢٠٠ ريال. رقم الفاتورة INV-30988.\n\nمع الشكر،\nعمر الفارسي\nشركة النور للتجارة",
  },
  {
    customer: "olga.morozova@example.net",
    channel: "web",
    subject: "Деньги списали дважды",
    body: "Здравствуйте!\n\nСегодня утром с моей карты дважды списали 1 990 ₽ за один и тот же заказ №44871. Прошу оформить возврат второго платежа как можно скорее.\n\nОльга Морозова",
    priority: "urgent",
  },
];
