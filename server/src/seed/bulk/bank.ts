/** The subjects tickets are about; each has a tag and a team area, and phrases in every language. */
export const TOPICS = [
  "billing",
  "delivery",
  "login",
  "refund",
  "damaged",
  "cancel",
  "technical",
  "warranty",
  "recall",
] as const;
export type Topic = (typeof TOPICS)[number];

export const LANGUAGES = ["en", "ro", "de", "ru", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface TopicPhrases {
  /** Subjects; {p} is a product, {o} an order number. */
  subject: string[];
  /** What a customer writes; {p}, {o}, {d} (days) and {a} (an amount) are filled in. */
  customer: string[];
  /** What an agent answers. */
  agent: string[];
}

/** One language's phrase bank: messages are put together from these and the product vocabulary. */
export interface Bank {
  hello: string[];
  bye: string[];
  /** {n} is the customer's first name. */
  agentHello: string[];
  /** {n} is the agent's first name. */
  agentBye: string[];
  /** Kinds of product, said after the product's name ("the Velmorix kettle"). */
  kinds: string[];
  topics: Record<Topic, TopicPhrases>;
  filler: string[];
  agentFiller: string[];
  /** Internal notes between colleagues. */
  notes: string[];
  /** A customer writing again. */
  followup: string[];
  thanks: string[];
  /** Syllables of the product names: the long tail of the vocabulary. */
  syllables: string[];
  firstNames: string[];
  lastNames: string[];
}
