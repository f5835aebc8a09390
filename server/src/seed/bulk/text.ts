import type { Bank, Language, Topic } from "./bank";
import { AR } from "./bank-ar";
import { DE } from "./bank-de";
import { EN } from "./bank-en";
import { RO } from "./bank-ro";
import { RU } from "./bank-ru";
import type { Rng } from "./random";

export const BANKS: Record<Language, Bank> = { en: EN, ro: RO, de: DE, ru: RU, ar: AR };

/** Product names per language: a Zipf-distributed vocabulary, so words range from everywhere to once. */
export const VOCABULARY = 10_000;

const CURRENCY: Record<Language, (n: string) => string> = {
  en: (n) => `£${n}`,
  ro: (n) => `${n} lei`,
  de: (n) => `${n} €`,
  ru: (n) => `${n} ₽`,
  ar: (n) => `${n} درهم`,
};

const capitalised = (w: string) => w.charAt(0).toLocaleUpperCase() + w.slice(1);

/** The vocabulary's word of a rank: up to three syllables of the language, a different word per rank. */
export function productWord(language: Language, rank: number): string {
  const s = BANKS[language].syllables;
  const n = s.length;
  // A scrambled order, so that neighbouring ranks do not share syllables.
  const i = (rank * 7919 + 4321) % (n * n * n);
  const word = s[i % n]! + s[Math.floor(i / n) % n]! + s[Math.floor(i / (n * n)) % n]!;
  return language === "ar" ? word : capitalised(word);
}

/** What a ticket's messages talk about: fixed for the ticket, so its messages agree with each other. */
export interface TicketTopic {
  language: Language;
  topic: Topic;
  /** The vocabulary rank of the product. */
  product: number;
  kind: number;
  order: string;
  customerFirst: string;
}

/** Writes the ticket's messages; `words` hears every vocabulary rank used (to choose search terms). */
export class Writer {
  constructor(
    private readonly rng: Rng,
    private readonly words: (language: Language, rank: number) => void,
  ) {}

  private fill(t: TicketTopic, template: string): string {
    const bank = BANKS[t.language];
    return template.replace(/\{(\w)\}/g, (_, key: string) => {
      switch (key) {
        case "p":
          return this.product(t, t.product, t.kind);
        case "o":
          return t.order;
        case "d":
          return String(2 + this.rng.int(12));
        case "a":
          return CURRENCY[t.language](`${9 + this.rng.int(490)}.${this.rng.pick(["00", "49", "90", "99"])}`);
        default:
          return bank.firstNames[0]!;
      }
    });
  }

  private product(t: TicketTopic, rank: number, kind: number): string {
    this.words(t.language, rank);
    const bank = BANKS[t.language];
    const name = productWord(t.language, rank);
    const what = bank.kinds[kind % bank.kinds.length]!;
    return t.language === "ar" || t.language === "ru" ? `${what} ${name}` : `${name} ${what}`;
  }

  subject(t: TicketTopic): string {
    return this.fill(t, this.rng.pick(BANKS[t.language].topics[t.topic].subject));
  }

  /** The customer's first message: about 200 characters, now and then a long one with details. */
  inbound(t: TicketTopic, long: boolean): string {
    const bank = BANKS[t.language];
    const parts = [this.rng.pick(bank.hello), this.fill(t, this.rng.pick(bank.topics[t.topic].customer))];
    const extra = long ? 8 + this.rng.int(20) : 1 + this.rng.int(3);
    for (let i = 0; i < extra; i++) {
      if (long && i % 4 === 3) parts.push(`\n\n${this.fill(t, this.rng.pick(bank.topics[t.topic].customer))}`);
      else if (long && i % 5 === 4) {
        // Another product of the order, from anywhere in the vocabulary.
        parts.push(`${this.product(t, this.rng.zipf(VOCABULARY), this.rng.int(10))} — ${t.order}-${i}.`);
      } else parts.push(this.fill(t, this.rng.pick(bank.filler)));
    }
    parts.push(`\n${this.rng.pick(bank.bye)}\n${t.customerFirst}`);
    return parts.join(" ");
  }

  reply(t: TicketTopic, agentFirst: string, first: boolean): string {
    const bank = BANKS[t.language];
    const body =
      first || this.rng.chance(0.4) ? this.rng.pick(bank.topics[t.topic].agent) : this.rng.pick(bank.agentFiller);
    const parts = [bank.agentHello[this.rng.int(bank.agentHello.length)]!.replace("{n}", t.customerFirst)];
    parts.push(this.fill(t, body));
    parts.push(this.rng.pick(bank.agentFiller));
    if (this.rng.chance(0.5)) parts.push(this.rng.pick(bank.agentFiller));
    parts.push(`\n${this.rng.pick(bank.agentBye).replace("{n}", agentFirst)}`);
    return parts.join(" ");
  }

  note(t: TicketTopic): string {
    const bank = BANKS[t.language];
    const parts = [this.fill(t, this.rng.pick(bank.notes))];
    if (this.rng.chance(0.5)) parts.push(this.fill(t, this.rng.pick(bank.notes)));
    return parts.join(" ");
  }

  followup(t: TicketTopic): string {
    const bank = BANKS[t.language];
    const parts = [this.fill(t, this.rng.pick(bank.followup))];
    if (this.rng.chance(0.5)) parts.push(this.fill(t, this.rng.pick(bank.filler)));
    return `${parts.join(" ")}\n${t.customerFirst}`;
  }

  thanks(t: TicketTopic): string {
    return `${this.rng.pick(BANKS[t.language].thanks)}\n${t.customerFirst}`;
  }
}
