// Kiswahili text of Admin → Incoming SMS (mounted as `channels` in src/web/i18n/sw.ts).
import type { channelsEn } from "./i18n.en.ts";

export const channelsSw: typeof channelsEn = {
  intro:
    "SMS ambazo hazikuweza kugeuzwa kuwa ripoti: baada ya majaribio kadhaa (kwa mfano hifadhidata ilipokatika), au mara moja wakati kujaribu tena hakungesaidia hadi tatizo litatuliwe (Kilichoharibika kinaeleza). Tatizo likishatatuliwa, zijaribu tena: mkazi atapata jibu la kawaida. Aliyetuma na alichoandika vinabaki vimefungwa.",
  none: "Kila SMS iliyoingia imeshughulikiwa. Hakuna kinachosubiri hapa.",
  count_one: "Ujumbe {{count}} haukuweza kushughulikiwa.",
  count_other: "Jumbe {{count}} hazikuweza kushughulikiwa.",
  waiting_one:
    "SMS {{count}} inasubiri kushughulikiwa, ilipokelewa {{when}}. Ikisubiri zaidi ya robo saa, hakikisha kwamba mfanyakazi wa seva anaendesha na anafikia hifadhidata.",
  waiting_other:
    "SMS {{count}} zinasubiri kushughulikiwa, ya zamani zaidi ilipokelewa {{when}}. Zikisubiri zaidi ya robo saa, hakikisha kwamba mfanyakazi wa seva anaendesha na anafikia hifadhidata.",
  received: "Ulipokelewa",
  gateway: "Lango",
  attempts: "Majaribio",
  lastError: "Kilichoharibika",
  actions: "Vitendo",
  retry: "Jaribu tena",
  retryOne: "Jaribu tena ujumbe uliopokelewa {{when}}",
  queued: "Umerudishwa kwenye foleni: utashughulikiwa ndani ya dakika moja.",
  outgoing: {
    intro:
      "SMS na barua pepe ambazo hazikutumwa kwa uhakika. Iliyoshindikana inaweza kutumwa tena tatizo likishatatuliwa. Isiyo na uhakika ilikatika ikitumwa na huenda ilifika: lango likiripoti kuihusu, inatatuliwa yenyewe; la sivyo angalia kwanza kwa lango, kisha uitume tena au uiandike kuwa imetumwa. Aliyelengwa na maandishi yake havionyeshwi.",
    none: "Kila ujumbe unaotoka ulitumwa. Hakuna kinachohitaji uamuzi.",
    count_one: "Ujumbe {{count}} unahitaji uamuzi.",
    count_other: "Jumbe {{count}} zinahitaji uamuzi.",
    created: "Uliwekwa foleni",
    channel: "Njia",
    channels: { sms: "Ujumbe mfupi", email: "Barua pepe" },
    status: "Hali",
    statuses: { failed: "Imeshindikana", uncertain: "Haina uhakika: huenda ilifika" },
    purpose: "Madhumuni",
    report: "Ripoti",
    resend: "Tuma tena",
    resendOne: "Tuma tena ujumbe uliowekwa foleni {{when}}",
    confirm: "Ulifika",
    confirmOne: "Andika kuwa ulifika ujumbe uliowekwa foleni {{when}}",
    delivery: "Ripoti ya lango",
    deliveryNone: "Bado hakuna ripoti",
    outcomes: {
      pending: "Uko njiani",
      delivered: "Umefika",
      failed: "Haukufika",
    },
    deliveryWord: "{{outcome}} ({{status}}), iliripotiwa {{when}}",
    deliveryReason: "Sababu: {{reason}}",
    done: {
      resend: "Umewekwa foleni kutumwa tena.",
      "confirm-sent": "Umeandikwa kuwa umetumwa: hautatumwa tena.",
    },
  },
};
