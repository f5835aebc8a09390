import type { DemoTicket } from "./demo-play";

const ADA = "admin@demo.test";
const IRINA = "irina@demo.test";
const JONAS = "jonas@demo.test";
const LAYLA = "layla@demo.test";
const STEFAN = "supervisor@demo.test";

const ROUTER_LOG = [
  "08:14:02 wan: PPPoE discovery sent",
  "08:14:05 wan: PADO received from BRAS-04",
  "08:14:05 wan: PADR sent",
  "08:14:35 wan: timeout waiting for PADS",
  "08:14:35 wan: retrying (attempt 2/5)",
  "08:15:05 wan: timeout waiting for PADS",
  "08:15:05 sys: firmware 4.2.0 build 1187, wan vlan tagging=off",
  "",
].join("\n");

// Routers, Wi-Fi, firmware and the API. The developer's tickets are the admin's own; the rest
// belong to Technical support, whose calendar is Riyadh's.
export const TECHNICAL_TICKETS: DemoTicket[] = [
  {
    customer: "dmitri.sokolov@example.com",
    channel: "web",
    subject: "Как сбросить роутер к заводским настройкам?",
    body: "Здравствуйте! Продаю старый роутер FL-100 и хочу удалить с него все свои настройки и пароли. Как это сделать?",
    priority: "low",
    team: "technical",
    assignee: IRINA,
    tags: ["how-to"],
    steps: [
      {
        reply:
          "Здравствуйте, Дмитрий!\n\nВключите роутер, подождите минуту, затем зажмите кнопку Reset на задней панели скрепкой на 10 секунд — индикаторы мигнут, и роутер вернётся к заводским настройкам. Все пароли и журналы при этом удаляются.\n\nС уважением,\nИрина Волкова",
        by: IRINA,
        status: "solved",
      },
      { status: "closed", by: IRINA },
    ],
  },
  {
    customer: "sophie.turner@brightwave.example",
    channel: "email",
    subject: "How do I set up a guest Wi-Fi network?",
    body: "Hi,\n\nWe have visitors in the studio most days. Can the FL-500 run a separate guest Wi-Fi that can't see our file server?\n\nThanks,\nSophie",
    priority: "low",
    team: "technical",
    assignee: JONAS,
    tags: ["wifi", "how-to"],
    steps: [
      {
        reply:
          'Hi Sophie,\n\nIt can: go to Wi-Fi → Guest network, switch it on and give it its own name and password. Guests get the internet only; "Allow access to local network" is off by default, so your file server stays invisible to them.\n\nBest,\nJonas',
        by: JONAS,
        status: "solved",
      },
      { status: "closed", by: JONAS },
    ],
  },
  {
    customer: "petra.schmidt@berger-maschinenbau.example",
    channel: "portal",
    subject: "Ersatz-Netzteil für FL-200",
    body: "Hallo,\n\ndas Netzteil eines FL-200 in unserer Buchhaltung ist defekt: das Gerät startet nur noch mit einem fremden Netzteil. Können Sie uns ein Original-Netzteil schicken? Seriennummer: FL200-8841-DE.\n\nViele Grüße\nPetra Schmidt",
    team: "technical",
    assignee: JONAS,
    tags: ["hardware"],
    steps: [
      {
        reply:
          "Hallo Frau Schmidt,\n\ndas Netzteil fällt unter die Garantie. Ein neues Original-Netzteil ist heute an Ihre Adresse in Stuttgart unterwegs, die Sendungsnummer bekommen Sie per Mail. Das alte müssen Sie nicht zurückschicken.\n\nViele Grüße\nJonas Weber",
        by: JONAS,
        status: "solved",
      },
    ],
  },
  {
    customer: "james.oconnor@example.com",
    channel: "phone",
    subject: "No internet since this morning",
    body: "James called: no internet at home since about 7 am; every light is normal except DSL, which blinks. Our line test shows no sync at the street cabinet. Opened a fault with the network operator; he asked for a text message once it is fixed.",
    priority: "high",
    team: "technical",
    assignee: LAYLA,
    tags: ["outage"],
    steps: [
      {
        note: "The operator repaired the cabinet at 11:40 (fault LN-88213). Called James back: the line is up at full speed.",
        by: LAYLA,
      },
      { status: "solved", by: LAYLA },
    ],
  },
  {
    customer: "daniel.reed@example.com",
    channel: "api",
    subject: "Rate limit on the orders API",
    body: "Hello again,\n\nOur nightly sync hits 429 Too Many Requests after about 600 calls. What is the limit per minute, and can it be raised for a one-off import of 20,000 orders next week?\n\nDaniel",
    priority: "low",
    assignee: ADA,
    tags: ["api"],
    steps: [
      {
        reply:
          "Hi Daniel,\n\nThe limit is 600 requests a minute per key. For a one-off import we can lift it to 3,000 for a day: tell me the date and the first eight characters of the key, and I'll schedule it.\n\nAda",
        by: ADA,
        status: "pending",
      },
    ],
  },
  {
    customer: "lukas.hoffmann@example.org",
    channel: "web",
    subject: "WLAN bricht alle paar Minuten ab",
    body: "Hallo,\n\nseit ein paar Tagen bricht unser WLAN alle fünf bis zehn Minuten für etwa eine halbe Minute ab. Betroffen sind alle Geräte, das Kabel-LAN läuft dagegen stabil. Router: FL-200, Firmware 4.1.3.\n\nGrüße aus Wien\nLukas Hoffmann",
    team: "technical",
    assignee: JONAS,
    tags: ["wifi"],
    steps: [
      { note: "@Irina Volkova you saw FL-200 Wi-Fi drops on 4.1.3 last month: was it channel 13 again?", by: JONAS },
      {
        reply:
          "Hallo Herr Hoffmann,\n\ndanke für die genaue Beschreibung. Bitte stellen Sie im Router unter „WLAN → Erweitert“ den Kanal von „Automatisch“ auf 1 oder 6 und beobachten Sie es einen Tag lang. Geben Sie mir dann kurz Bescheid, ob die Abbrüche weg sind.\n\nViele Grüße\nJonas Weber",
        by: JONAS,
        status: "pending",
      },
    ],
  },
  {
    customer: "emma.clarke@brightwave.example",
    channel: "web",
    subject: "Office router keeps rebooting",
    body: "Hi,\n\nThe FL-500 in our office has rebooted itself six times since Monday, always in the afternoon. It sits in a cupboard next to the server and feels very hot. Could it be faulty?\n\nEmma",
    team: "technical",
    assignee: LAYLA,
    tags: ["router", "hardware"],
    steps: [
      {
        reply:
          "Hi Emma,\n\nThank you: the heat is the most likely cause, as the FL-500 shuts down to protect itself above 70 °C. The unit is under warranty, so I've ordered a replacement with a bigger heat sink. It ships next week; I'll keep this ticket on hold until it arrives.\n\nBest regards,\nLayla",
        by: LAYLA,
        status: "on_hold",
      },
    ],
  },
  {
    customer: "daniel.reed@example.com",
    channel: "api",
    subject: "Webhook deliveries failing with 401",
    body: "Hi,\n\nSince yesterday every webhook you send to https://shop.example.com/hooks/orders fails with 401 on our side. We rotated our signing secret on Tuesday. Do I need to update it on your end too?\n\nDaniel",
    assignee: ADA,
    tags: ["api"],
    steps: [
      {
        reply:
          'Hi Daniel,\n\nYes: we keep a copy of the signing secret. In your account under Developer → Webhooks, paste the new secret and press "Send test". Deliveries that failed since Tuesday are retried automatically once the test succeeds.\n\nAda',
        by: ADA,
      },
      {
        customer:
          "Updated the secret and the test went through, thanks. I'll watch tonight's deliveries and confirm tomorrow.",
      },
    ],
  },
  {
    customer: "dmitri.sokolov@example.com",
    channel: "email",
    subject: "Роутер не подключается к интернету после обновления",
    body: "Здравствуйте!\n\nВчера вечером роутер FL-300 сам обновил прошивку до версии 4.2, и с тех пор не подключается к интернету: индикатор WAN горит оранжевым. Перезагрузка и замена кабеля не помогли. Я работаю из дома, поэтому очень жду помощи.\n\nДмитрий Соколов",
    priority: "high",
    team: "technical",
    assignee: IRINA,
    tags: ["router", "firmware"],
    steps: [
      {
        reply:
          "Здравствуйте, Дмитрий!\n\nСпасибо за подробное описание. Пожалуйста, откройте http://192.168.1.1 → «Система» → «Журнал», нажмите «Скачать» и пришлите файл в ответ на это письмо: по нему будет видно, на каком шаге обрывается подключение.\n\nС уважением,\nИрина Волкова",
        by: IRINA,
      },
      {
        customer: "Журнал во вложении. Индикатор всё так же оранжевый.",
        files: [{ name: "router-log.txt", text: ROUTER_LOG }],
      },
      {
        note: "The log shows PPPoE timing out after PADR: firmware 4.2 drops the VLAN tag his line needs. We may need a rollback image from the vendor.",
        by: IRINA,
      },
      {
        escalate: "technical_expertise",
        by: IRINA,
        why: "FL-300 on firmware 4.2 loses the WAN VLAN tag; we need a decision on rolling back to 4.1.3 remotely.",
      },
      { take: STEFAN },
    ],
  },
  {
    customer: "youssef.nasser@example.com",
    channel: "web",
    subject: "سرعة الإنترنت أقل بكثير من الباقة",
    body: "مرحبًا،\n\nاشتركت في باقة ٥٠٠ ميغابت، لكن اختبار السرعة عبر الكابل يعطي بين ٩٠ و١٢٠ ميغابت فقط، صباحًا ومساءً. جربت جهازين وكابلًا جديدًا.\n\nيوسف ناصر",
    team: "technical",
    assignee: LAYLA,
    tags: ["speed"],
    steps: [
      {
        reply:
          "مرحبًا يوسف،\n\nشكرًا لتجربتك عبر الكابل، فهذا يستبعد مشكلة الواي فاي. خطك مُفعّل بالسرعة الصحيحة، لذلك قد يكون المنفذ هو السبب: صِل الحاسوب بالمنفذ الأصفر المكتوب عليه 2.5G بدلًا من المنافذ ١ إلى ٣، ثم أعد الاختبار.\n\nمع التحية،\nليلى حداد",
        by: LAYLA,
      },
      {
        customer:
          "المنفذ 2.5G يعطي ٤٨٠ ميغابت، إذن كانت المشكلة في المنفذ. لكن لماذا لا تتجاوز المنافذ ١ إلى ٣ حوالي ١٠٠ ميغابت؟ نتائج الاختبار مرفقة.",
        files: [
          {
            name: "speedtest.txt",
            text: "port,download_mbit,upload_mbit\n1,94,48\n2,97,49\n3,95,47\n2.5G,481,96\n",
          },
        ],
      },
    ],
  },
  {
    customer: "klaus.berger@berger-maschinenbau.example",
    channel: "email",
    subject: "Router im Werk 2 nach Stromausfall nicht erreichbar",
    body: "Guten Tag,\n\nnach einem Stromausfall heute Nacht ist der Router FL-500 in unserem Werk 2 in Esslingen nicht mehr erreichbar. Die Produktion läuft, aber die Maschinen melden keine Daten mehr an unser System. Bitte melden Sie sich dringend bei Herrn Yilmaz von der Frühschicht, Durchwahl 214.\n\nMit freundlichen Grüßen\nKlaus Berger",
    priority: "urgent",
    team: "technical",
    assignee: JONAS,
    tags: ["router", "outage"],
    steps: [
      {
        reply:
          "Guten Tag Herr Berger,\n\nich habe Herrn Yilmaz erreicht: Der Router hing nach dem Stromausfall im Wiederherstellungsmodus. Wir spielen die Konfiguration gerade aus der Sicherung von gestern zurück; in etwa 20 Minuten sollten die Maschinen wieder Daten senden. Ich melde mich, sobald alles läuft.\n\nMit freundlichen Grüßen\nJonas Weber",
        by: JONAS,
      },
    ],
  },
  {
    customer: "fatima.alharbi@alnoor.example",
    channel: "portal",
    subject: "فشل تحديث البرنامج الثابت وتوقف الراوتر",
    body: "مرحبًا،\n\nحاولنا تحديث البرنامج الثابت لراوتر FL-300 في مستودع الرياض، وتوقف التحديث عند ٦٠٪. الآن يومض المؤشر باللون الأحمر ولا يستجيب الجهاز، والمستودع كله بلا إنترنت.\n\nفاطمة الحربي\nشركة النور للتجارة",
    priority: "urgent",
    team: "technical",
    assignee: LAYLA,
    tags: ["firmware"],
    steps: [
      {
        reply:
          "مرحبًا فاطمة،\n\nالجهاز قابل للاستعادة. افصلي الكهرباء، ثم اضغطي زر Reset أثناء إعادة التوصيل واستمري بالضغط ١٥ ثانية حتى يومض المؤشر باللون الأزرق، وسيعود الراوتر إلى النسخة السابقة من البرنامج الثابت. أخبريني بالنتيجة وسأبقى معك حتى يعود الاتصال.\n\nمع التحية،\nليلى حداد",
        by: LAYLA,
      },
    ],
  },
  {
    customer: "olga.morozova@example.net",
    channel: "portal",
    subject: "Не могу войти в личный кабинет",
    body: "Здравствуйте.\n\nУже третий день не могу войти в личный кабинет: после ввода пароля страница просто обновляется. Сброс пароля тоже не помогает, письмо не приходит.\n\nОльга Морозова",
    team: "technical",
    assignee: IRINA,
    tags: ["account"],
    steps: [
      {
        reply:
          "Здравствуйте, Ольга!\n\nЯ проверила: письма для сброса пароля задерживает ваш почтовый сервер. Я отправила ссылку для входа ещё раз с другого адреса; посмотрите, пожалуйста, также в папке «Спам».\n\nС уважением,\nИрина Волкова",
        by: IRINA,
      },
      {
        customer: "Письма нет ни во входящих, ни в спаме. Я пишу уже в третий раз, позовите, пожалуйста, руководителя.",
      },
    ],
  },
  {
    customer: "mihai.dumitrescu@example.net",
    channel: "email",
    subject: "Routerul nu mai primește adresă IP",
    body: "Bună ziua,\n\nDe azi-dimineață laptopul și telefonul se conectează la rețeaua Wi-Fi, dar nu primesc adresă IP și nu am internet. Am repornit routerul FL-200 de două ori, fără rezultat.\n\nMihai Dumitrescu",
    team: "technical",
  },
];

/** Not yet sorted into a team: what a supervisor triages first. */
export const UNSORTED_TICKETS: DemoTicket[] = [
  {
    customer: "lukas.hoffmann@example.org",
    channel: "email",
    subject: "Lieferung seit einer Woche überfällig",
    body: "Guten Tag,\n\nich habe vor zehn Tagen zwei Mesh-Verstärker FL-M2 bestellt (Bestellung 60412), Lieferzeit laut Shop 2–3 Tage. Die Sendungsverfolgung zeigt seit einer Woche „Paket im Verteilzentrum“. Können Sie nachsehen, wo das Paket ist?\n\nLukas Hoffmann",
  },
];
