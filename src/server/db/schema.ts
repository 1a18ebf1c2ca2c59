// Every table, for drizzle-kit and for typed queries. Each feature owns its own table file.
export * from "../features/alerts/alerts.table.ts";
export * from "../features/audit/audit.table.ts";
export * from "../features/cases/cases.table.ts";
export * from "../features/cases/responders.table.ts";
export * from "../features/channels/inbound.table.ts";
export * from "../features/messaging/outbox.table.ts";
export * from "../features/organisations/organisations.table.ts";
export * from "../features/places/places.table.ts";
export * from "../features/programmes/activities.table.ts";
export * from "../features/programmes/participants.table.ts";
export * from "../features/programmes/programmes.table.ts";
export * from "../features/reports/reports.table.ts";
export * from "../features/reports/verification.table.ts";
export * from "../features/users/sessions.table.ts";
export * from "../features/users/users.table.ts";
export * from "../jobs/jobs.table.ts";
export * from "../lib/rate-limit.ts";
