import { LOCALES } from "../contracts/shared";

/**
 * The languages an agent may speak and a ticket may need: the ISO 639-1 codes, which are also the
 * two-letter base language subtags of BCP 47 ("de" of "de-AT"). Regions and scripts are left out on
 * purpose: routing asks "can they talk to this customer", and a German speaker serves Austria too.
 */
export const LANGUAGE_CODES = [
  ...LOCALES,
  ..."aa ab ae af ak am an as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da dv dz ee el eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split(
    " ",
  ),
] as const;

const KNOWN: ReadonlySet<string> = new Set(LANGUAGE_CODES);

/** True for a language code routing accepts (lower-case ISO 639-1). */
export function isLanguageCode(value: string): boolean {
  return KNOWN.has(value);
}

/**
 * The base language of a BCP 47 tag as routing compares it: "pt-BR" → "pt", "DE" → "de"; null when
 * the tag's language is not one routing knows.
 */
export function baseLanguage(tag: string): string | null {
  const base = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? "";
  return KNOWN.has(base) ? base : null;
}
