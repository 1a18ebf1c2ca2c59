// English text of Admin → Incoming SMS (mounted as `channels` in src/web/i18n/en.ts).
export const channelsEn = {
  intro:
    "SMS that could not be turned into a report: after several tries (for example during a database outage), or at once when trying again could not help until the cause is fixed (What went wrong says which). Once the cause is fixed, run them again: the resident then gets the usual reply. Who sent them and what they said stay sealed.",
  none: "Every incoming SMS was processed. Nothing is waiting here.",
  count_one: "{{count}} message could not be processed.",
  count_other: "{{count}} messages could not be processed.",
  waiting_one:
    "{{count}} SMS is waiting to be processed, received {{when}}. If it waits more than a quarter of an hour, check that the server's worker is running and can reach the database.",
  waiting_other:
    "{{count}} SMS are waiting to be processed, the oldest received {{when}}. If they wait more than a quarter of an hour, check that the server's worker is running and can reach the database.",
  received: "Received",
  gateway: "Gateway",
  attempts: "Tries",
  lastError: "What went wrong",
  actions: "Actions",
  retry: "Try again",
  retryOne: "Try again the message received {{when}}",
  queued: "Queued again: it will be processed within a minute.",
  outgoing: {
    intro:
      "SMS and emails that did not go out for sure. A failed one can be sent again once the cause is fixed. An uncertain one broke off mid-send and may have arrived: when the gateway reports on it, it is settled by itself; otherwise check with the gateway first, then send it again or record it as sent. Who it was for and what it said are not shown.",
    none: "Every outgoing message went out. Nothing needs a decision.",
    count_one: "{{count}} message needs a decision.",
    count_other: "{{count}} messages need a decision.",
    created: "Queued",
    channel: "Channel",
    channels: { sms: "SMS", email: "Email" },
    status: "Status",
    statuses: { failed: "Failed", uncertain: "Uncertain: may have arrived" },
    purpose: "Purpose",
    report: "Report",
    resend: "Send again",
    resendOne: "Send again the message queued {{when}}",
    confirm: "It arrived",
    confirmOne: "Record as arrived the message queued {{when}}",
    delivery: "Gateway's report",
    deliveryNone: "No report yet",
    outcomes: {
      pending: "On its way",
      delivered: "Delivered",
      failed: "Not delivered",
    },
    deliveryWord: "{{outcome}} ({{status}}), reported {{when}}",
    deliveryReason: "Reason: {{reason}}",
    done: {
      resend: "Queued to be sent again.",
      "confirm-sent": "Recorded as sent: it will not be sent again.",
    },
  },
};
