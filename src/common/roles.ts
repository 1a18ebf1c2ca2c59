// Roles and the permissions they carry. Pure data; the server's policy layer
// and the web app's navigation both read it, so there is one truth.

export const ROLES = [
  "admin",
  "programme_officer",
  "me_officer",
  "facilitator",
  "monitor",
  "responder",
  "oversight",
  "counsellor",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "users.manage", // create users, grant roles, organisations and places, reset passwords
  "organisations.manage",
  "places.manage", // add localities
  "audit.read",
  "reports.read",
  "reports.triage",
  "identity.reveal", // see a reporter's contact details, audited, never for police/government (conflict-of-interest.ts)
  "cases.manage",
  "cases.respond",
  "complaints.oversee",
  "programmes.read",
  "programmes.write",
  "referrals.manage",
  "alerts.manage",
  "routing.manage", // responder units, their members and the routing rules
  "channels.manage", // see incoming SMS that could not be processed, and run them again
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    "users.manage",
    "organisations.manage",
    "places.manage",
    "audit.read",
    "reports.read",
    "programmes.read",
    "routing.manage",
    "channels.manage",
  ],
  programme_officer: [
    "reports.read",
    "reports.triage",
    // Only together with the user's own canRevealIdentity flag (see identity.service.ts).
    "identity.reveal",
    "cases.manage",
    "alerts.manage",
    "programmes.read",
    "programmes.write",
    "places.manage",
    "channels.manage",
  ],
  me_officer: ["reports.read", "programmes.read", "programmes.write", "alerts.manage"],
  facilitator: ["programmes.read", "programmes.write"],
  monitor: ["reports.read", "reports.triage"],
  responder: ["cases.respond"],
  oversight: ["complaints.oversee", "cases.respond"],
  counsellor: ["referrals.manage"],
  viewer: ["programmes.read"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}
