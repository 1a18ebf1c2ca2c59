// The participant registry: consent, minimal personal data sealed by the vault, pseudonymous codes,
// duplicate detection and an audited merge. Names are shown only to those who record attendance
// (programmes.write); phone numbers are only ever used for matching and never leave the server.
import type { CreateParticipantInput, NewParticipantInput } from "../../../common/contracts/programmes.ts";
import type { DuplicateGroup, ParticipantView } from "../../../common/contracts/programmes-views.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { organisationInScope, type Principal, placeInScope } from "../../lib/scope.ts";
import { InvalidPhoneError, normalisePhone } from "../../lib/vault.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import {
  nameKey,
  namePrefixes,
  newParticipantCode,
  normaliseParticipantCode,
  searchPrefixes,
} from "./names.ts";
import * as repo from "./participants.repo.ts";
import { findPlace } from "./programmes.repo.ts";

export const NAME_SEAL_PURPOSE = "participant.name";
export const PHONE_SEAL_PURPOSE = "participant.phone";
export const NAME_INDEX_PURPOSE = "participant.name_key";
export const PHONE_INDEX_PURPOSE = "participant.phone_key";
export const PREFIX_INDEX_PURPOSE = "participant.name_prefix";
/** 64 bits of each prefix hash: plenty to tell prefixes apart, small enough to index every one. */
const PREFIX_HASH_CHARS = 16;

const prefixHash = (deps: Deps, prefix: string) =>
  deps.vault.blindIndex(PREFIX_INDEX_PURPOSE, prefix).slice(0, PREFIX_HASH_CHARS);

export function toParticipantView(
  deps: Deps,
  principal: Principal,
  row: repo.ParticipantRow,
): ParticipantView {
  const mayName = principal.permissions.has("programmes.write");
  return {
    id: row.id,
    organisationId: row.organisationId,
    code: row.code,
    name: mayName && row.nameSealed ? deps.vault.decrypt(NAME_SEAL_PURPOSE, row.nameSealed) : null,
    hasPhone: row.phoneSealed !== null,
    gender: row.gender as ParticipantView["gender"],
    ageBand: row.ageBand as ParticipantView["ageBand"],
    disability: row.disability as ParticipantView["disability"],
    role: row.role as ParticipantView["role"],
    affiliation: row.affiliation,
    placeId: row.placeId,
    placeName: row.placeName,
    consentPurposes: row.consentPurposes as ParticipantView["consentPurposes"],
    consentGivenOn: row.consentGivenOn,
    consentWithdrawnOn: row.consentWithdrawnAt?.toISOString().slice(0, 10) ?? null,
  };
}

/** What the audit log may hold about a participant: never the name or phone, only that they exist. */
function auditView(r: repo.ParticipantRow) {
  return {
    code: r.code,
    gender: r.gender,
    ageBand: r.ageBand,
    disability: r.disability,
    role: r.role,
    placeId: r.placeId,
    hasName: r.nameSealed !== null,
    hasPhone: r.phoneSealed !== null,
    consentPurposes: r.consentPurposes,
  };
}

function phoneOf(raw: string | undefined, field: string): string | null {
  if (!raw?.trim()) return null;
  try {
    return normalisePhone(raw);
  } catch (error) {
    if (error instanceof InvalidPhoneError)
      throw badRequest(`${field}: ${error.message}`, [{ path: field, message: error.message }]);
    throw error;
  }
}

/**
 * Registers one person inside the caller's transaction and audits it. `field` names the input for
 * error messages ("newParticipants.2"); `defaultPlaceId` is the activity's place for on-the-spot additions.
 */
export async function registerParticipant(
  tx: Deps,
  principal: Principal,
  organisationId: string,
  input: NewParticipantInput,
  opts: { field: string; defaultPlaceId?: string },
): Promise<repo.ParticipantRow> {
  const placeId = input.placeId ?? opts.defaultPlaceId;
  const place = placeId ? await findPlace(tx.db, placeId) : null;
  if (!place)
    throw badRequest(`${opts.field}.placeId: say where the person is from`, [
      { path: `${opts.field}.placeId`, message: placeId ? "is not a known place" : "is required" },
    ]);
  if (!placeInScope(principal.scope, place.path))
    throw badRequest(`${opts.field}.placeId: ${place.name} is outside your areas`, [
      { path: `${opts.field}.placeId`, message: "is outside your areas" },
    ]);
  const name = input.name?.trim() || null;
  const phone = phoneOf(input.phone, `${opts.field}.phone`);
  const key = name ? nameKey(name) : null;
  const { vault } = tx;
  const values = {
    organisationId,
    nameSealed: name ? vault.encrypt(NAME_SEAL_PURPOSE, name) : null,
    phoneSealed: phone ? vault.encrypt(PHONE_SEAL_PURPOSE, phone) : null,
    nameIndex: key ? vault.blindIndex(NAME_INDEX_PURPOSE, key) : null,
    phoneIndex: phone ? vault.blindIndex(PHONE_INDEX_PURPOSE, phone) : null,
    namePrefixes: name ? namePrefixes(name).map((p) => prefixHash(tx, p)) : [],
    gender: input.gender,
    ageBand: input.ageBand,
    disability: input.disability,
    role: input.role,
    affiliation: input.affiliation?.trim() || null,
    placeId: place.id,
    placePath: place.path,
    consentPurposes: [...new Set(input.consentPurposes)],
    consentGivenOn: input.consentGivenOn ?? tx.now().toISOString().slice(0, 10),
    createdBy: principal.userId || null,
    createdAt: tx.now(),
  };
  for (let attempt = 0; attempt < 10; attempt++) {
    const inserted = await repo.insertParticipant(tx.db, { ...values, code: newParticipantCode() });
    if (!inserted) continue;
    const row = { ...inserted, placeName: place.name };
    await recordAudit(tx, actorOf(principal), {
      action: "participant.create",
      entityType: "participant",
      entityId: row.id,
      organisationId,
      placePath: place.path,
      after: auditView(row),
    });
    return row;
  }
  throw new Error("Could not draw a free participant code after 10 attempts");
}

export function requireOrganisation(principal: Principal, organisationId: string): void {
  if (!organisationInScope(principal.scope, organisationId))
    throw badRequest("organisationId: you are not a member of that organisation", [
      { path: "organisationId", message: "is not one of your organisations" },
    ]);
}

export async function createParticipant(
  deps: Deps,
  principal: Principal,
  input: CreateParticipantInput,
): Promise<{ participant: ParticipantView; possibleDuplicates: ParticipantView[] }> {
  requireOrganisation(principal, input.organisationId);
  return inTransaction(deps, async (tx) => {
    const { organisationId, ...person } = input;
    const row = await registerParticipant(tx, principal, organisationId, person, { field: "(body)" });
    const matches = await repo.findMatches(tx.db, principal.scope, row);
    return {
      participant: toParticipantView(tx, principal, row),
      possibleDuplicates: matches.map((m) => toParticipantView(tx, principal, m)),
    };
  });
}

async function getVisibleRow(deps: Deps, principal: Principal, id: string): Promise<repo.ParticipantRow> {
  const [row] = isUuid(id) ? await repo.findVisibleParticipants(deps.db, principal.scope, [id]) : [];
  if (!row) throw notFound("Participant");
  return row;
}

export async function getParticipant(
  deps: Deps,
  principal: Principal,
  id: string,
): Promise<ParticipantView & { attendances: number }> {
  const row = await getVisibleRow(deps, principal, id);
  return {
    ...toParticipantView(deps, principal, row),
    attendances: await repo.attendanceCount(deps.db, id),
  };
}

/** By code ("P-7KQ3M2", any case) or by the start of any word of the name. */
export async function searchParticipants(
  deps: Deps,
  principal: Principal,
  query: {
    q?: string | undefined;
    organisationId?: string | undefined;
    placeId?: string | undefined;
    limit: number;
  },
): Promise<ParticipantView[]> {
  const q = query.q?.trim() ?? "";
  const code = q ? normaliseParticipantCode(q) : null;
  const prefixes = code ? [] : searchPrefixes(q);
  // Viewers cannot search by name: they never see names, so a name search would only leak who attends.
  if (!code && q && (prefixes.length === 0 || !principal.permissions.has("programmes.write"))) return [];
  const place = query.placeId ? await findPlace(deps.db, query.placeId) : null;
  if (query.placeId && !place) throw badRequest(`placeId: there is no place "${query.placeId}"`);
  const rows = await repo.searchParticipants(deps.db, principal.scope, {
    code,
    prefixHashes: prefixes.map((p) => prefixHash(deps, p)),
    organisationId: query.organisationId,
    placePath: place?.path,
    limit: query.limit,
  });
  return rows.map((r) => toParticipantView(deps, principal, r));
}

export async function findDuplicates(
  deps: Deps,
  principal: Principal,
  query: { organisationId?: string | undefined; placeId?: string | undefined },
): Promise<DuplicateGroup[]> {
  const place = query.placeId ? await findPlace(deps.db, query.placeId) : null;
  if (query.placeId && !place) throw badRequest(`placeId: there is no place "${query.placeId}"`);
  const groups = await repo.duplicateCandidates(deps.db, principal.scope, {
    organisationId: query.organisationId,
    placePath: place?.path,
  });
  const rows = await repo.findVisibleParticipants(deps.db, principal.scope, [
    ...new Set(groups.flatMap((g) => g.ids)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, toParticipantView(deps, principal, r)]));
  return groups.map((g) => ({
    reason: g.reason,
    participants: g.ids.flatMap((id) => byId.get(id) ?? []),
  }));
}

/**
 * Folds a duplicate into the participant kept: attendance moves (once per activity), a name or phone
 * only the duplicate had is kept, and the duplicate's own copy of personal data is erased.
 */
export async function mergeParticipants(
  deps: Deps,
  principal: Principal,
  input: { keepId: string; mergeId: string },
): Promise<ParticipantView & { attendances: number }> {
  return inTransaction(deps, async (tx) => {
    const rows = await repo.findVisibleParticipants(tx.db, principal.scope, [input.keepId, input.mergeId]);
    const keep = rows.find((r) => r.id === input.keepId);
    const merge = rows.find((r) => r.id === input.mergeId);
    if (!keep || !merge) throw notFound("Participant");
    if (keep.organisationId !== merge.organisationId)
      throw conflict("These participants belong to different organisations and cannot be merged.");
    const { moved, alreadyPresent } = await repo.moveAttendances(tx.db, keep.id, merge.id);
    const fill = {
      ...(!keep.nameSealed && merge.nameSealed
        ? { nameSealed: merge.nameSealed, nameIndex: merge.nameIndex, namePrefixes: merge.namePrefixes }
        : {}),
      ...(!keep.phoneSealed && merge.phoneSealed
        ? { phoneSealed: merge.phoneSealed, phoneIndex: merge.phoneIndex }
        : {}),
    };
    await repo.updateParticipant(tx.db, keep.id, fill);
    await repo.updateParticipant(tx.db, merge.id, {
      mergedInto: keep.id,
      nameSealed: null,
      phoneSealed: null,
      nameIndex: null,
      phoneIndex: null,
      namePrefixes: [],
    });
    await recordAudit(tx, actorOf(principal), {
      action: "participant.merge",
      entityType: "participant",
      entityId: keep.id,
      organisationId: keep.organisationId,
      placePath: keep.placePath,
      before: { kept: auditView(keep), merged: { id: merge.id, ...auditView(merge) } },
      after: {
        attendancesMoved: moved,
        attendancesAlreadyPresent: alreadyPresent,
        filledIn: Object.keys(fill),
      },
    });
    return getParticipant(tx, principal, keep.id);
  });
}

/**
 * Consent withdrawn: the name and phone are erased at once. The pseudonymous record stays, so that
 * counts already reported do not change, but it can no longer be traced back to the person.
 */
export async function withdrawConsent(
  deps: Deps,
  principal: Principal,
  id: string,
): Promise<ParticipantView> {
  return inTransaction(deps, async (tx) => {
    const row = await getVisibleRow(tx, principal, id);
    if (row.consentWithdrawnAt) return toParticipantView(tx, principal, row);
    const erased = {
      nameSealed: null,
      phoneSealed: null,
      nameIndex: null,
      phoneIndex: null,
      namePrefixes: [],
      consentWithdrawnAt: tx.now(),
    };
    await repo.updateParticipant(tx.db, id, erased);
    await recordAudit(tx, actorOf(principal), {
      action: "participant.withdraw_consent",
      entityType: "participant",
      entityId: id,
      organisationId: row.organisationId,
      placePath: row.placePath,
      before: auditView(row),
      after: { hasName: false, hasPhone: false, consentWithdrawn: true },
    });
    return toParticipantView(tx, principal, { ...row, ...erased });
  });
}
