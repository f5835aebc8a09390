import { describe, expect, it } from "vitest";
import { NEGATIVE_LEXICON } from "./negative-lexicon";
import { findNegativeWording, readsNegative } from "./negative-wording";

describe("negative wording is found in complaints in every language", () => {
  it.each([
    ["en", "This is unacceptable. I have been waiting three weeks for my refund.", "unacceptable"],
    ["en", "Worst support I have ever dealt with.", "worst"],
    ["en", "I've never been so disappointed by a shop.", "disappoint*"],
    ["en", "I am FED UP with calling you every day.", "fed up"],
    ["en", "I want to make a complaint about the courier.", "complain*"],
    ["ro", "Sunt foarte nemulțumită de serviciul vostru.", "nemulțumit*"],
    ["ro", "Este inacceptabil să aștept trei săptămâni pentru o rambursare.", "inacceptabil*"],
    ["ro", "Sunt dezamagit, comanda a venit sparta.", "dezamăgit*"],
    ["ro", "E o bătaie de joc ce faceți cu clienții!", "bătaie de joc"],
    ["ro", "Vreau să depun o reclamație oficială.", "reclamați*"],
    ["de", "Das ist eine Frechheit! Ich warte seit Wochen.", "frechheit"],
    ["de", "Ich bin sehr enttäuscht von Ihrem Kundendienst.", "enttäuscht*"],
    ["de", "ICH BIN ENTTAEUSCHT.", "enttaeuscht*"],
    ["de", "Ich möchte mich beschweren: das Paket kam beschädigt an.", "beschweren"],
    ["de", "Ihr Service ist eine Katastrophe.", "katastroph*"],
    ["ru", "Я очень недоволен вашим обслуживанием.", "недовол*"],
    ["ru", "Это просто ужасно, заказ потерян второй раз!", "ужасн*"],
    ["ru", "Буду писать жалобу в головной офис.", "жалоб*"],
    ["ru", "Меня обманули, верните деньги.", "обман*"],
    ["ar", "هذه تجربة فظيعة مع متجركم", "*فظيع*"],
    ["ar", "الخدمة سيئة جدا ولم يرد أحد", "*سيئة"],
    ["ar", "أريد تقديم شكوى رسمية", "*شكوى"],
    ["ar", "أنا مستاء جدا من التأخير", "*مستاء*"],
  ] as const)("%s: %s", (_locale, text, entry) => {
    expect(findNegativeWording(text)).toEqual({ entry, negated: false });
  });

  it.each([
    ["en", "I'm not happy with the repair at all.", "happy"],
    ["en", "I am really not satisfied with your service", "satisfied"],
    ["en", "We have not been happy with the last three deliveries.", "happy"],
    ["en", "Sorry, but this is not good enough.", "good enough"],
    ["ro", "Nu sunt mulțumit de reparație.", "mulțumit"],
    ["ro", "Nu mai sunt deloc multumita de voi.", "mulțumită"],
    ["de", "Ich bin mit dem Service überhaupt nicht zufrieden.", "zufrieden"],
    ["de", "Das ist nicht in Ordnung.", "in ordnung"],
    ["ru", "Я не доволен ремонтом.", "доволен"],
    ["ru", "Меня совсем не устраивает такой ответ.", "устраива*"],
    ["ar", "أنا غير راضٍ عن الخدمة", "راض*"],
    ["ar", "لست راضيا أبدا عن الطلب", "راض*"],
    ["ar", "هذا غير مقبول", "مقبول*"],
  ] as const)("%s, negated: %s", (_locale, text, entry) => {
    expect(findNegativeWording(text)).toEqual({ entry, negated: true });
  });
});

describe("negative wording is not found in neutral or content messages", () => {
  it.each([
    ["en", "Hi, could you tell me when my order will arrive? I'm happy with the product so far."],
    ["en", "No complaints, thanks! Everything works."],
    ["en", "I'm not disappointed, just curious about the delivery date."],
    ["en", "The screen is broken and I get an error when I log in. Can you help?"],
    ["en", "No, I am happy with the replacement."],
    ["en", "I couldn't be happier, thank you."],
    ["ro", "Bună ziua, aș dori să știu când ajunge comanda mea. Mulțumesc frumos!"],
    ["ro", "Nu am nicio reclamație, totul e în regulă."],
    ["ro", "Sunt mulțumit de produs, vă mulțumesc."],
    ["de", "Guten Tag, ich bin sehr zufrieden mit dem Produkt. Wann kommt die Rechnung?"],
    ["de", "Der Betrag betrug 50 Euro, bitte prüfen Sie die Rechnung."],
    ["de", "Keine Beschwerde, alles in Ordnung. Vielen Dank!"],
    ["ru", "Здравствуйте! Подскажите, пожалуйста, когда придёт заказ? Всё довольно быстро."],
    ["ru", "Спасибо, претензий нет."],
    ["ru", "Я доволен, спасибо за помощь."],
    ["ar", "مرحبا، أريد معرفة موعد وصول طلبي. شكرا جزيلا، أنا راضٍ عن الخدمة."],
    ["ar", "لا اعتراض لدي على الموعد الجديد"],
  ] as const)("%s: %s", (_locale, text) => {
    expect(findNegativeWording(text)).toBeNull();
  });

  it("needs whole words: a complaint word inside a longer word is not one", () => {
    expect(readsNegative("The scamper of the dog woke me; the rudest thing is my cat.")).toBe(false);
    expect(readsNegative("Unfurious")).toBe(false);
  });

  it("reads only what the customer wrote now, not the history a reply quotes", () => {
    expect(readsNegative("Thanks, that solved it.\n\n> This is unacceptable!")).toBe(false);
    expect(readsNegative("Danke.\n\nAm 3. Juni schrieb Support <s@example.com>:\nSind Sie enttäuscht?")).toBe(false);
    expect(readsNegative("> earlier\nNow this is unacceptable.")).toBe(true);
  });

  it("keeps a negator within its clause", () => {
    expect(readsNegative("Not really. I'm happy now.")).toBe(false);
    expect(readsNegative("Nein, ich bin zufrieden.")).toBe(false);
  });

  it("answers null for empty text and text without words", () => {
    expect(findNegativeWording("")).toBeNull();
    expect(findNegativeWording("!!! ??? ... 123")).toBeNull();
  });
});

describe("the lexicon", () => {
  it("has entries for each of the five languages", () => {
    expect(Object.keys(NEGATIVE_LEXICON).sort()).toEqual(["ar", "de", "en", "ro", "ru"]);
    for (const l of Object.values(NEGATIVE_LEXICON)) {
      expect(l.complaints.length).toBeGreaterThan(10);
      expect(l.contentment.length).toBeGreaterThan(2);
      expect(l.negators.length).toBeGreaterThan(2);
    }
  });
});
