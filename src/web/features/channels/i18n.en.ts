// English text of Admin → Incoming SMS (mounted as `channels` in src/web/i18n/en.ts).
export const channelsEn = {
  intro:
    "SMS that could not be turned into a report after several tries, for example during a database outage. Once the cause is fixed, run them again: the resident then gets the usual reply. Who sent them and what they said stay sealed.",
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
};
