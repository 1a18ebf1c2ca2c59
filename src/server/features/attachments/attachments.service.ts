// Storing and serving files attached to records. The owner's feature decides who may read or change
// a record's files (attachment-routes.ts asks it first); this service seals, counts and audits.
import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { AttachmentOwnerKind, AttachmentView } from "../../../common/contracts/attachments.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { users } from "../users/users.table.ts";
import {
  cleanFilename,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_RECORD,
  sniffMediaType,
} from "./attachment-files.ts";
import { attachments } from "./attachments.table.ts";

export type { AttachmentOwnerKind, AttachmentView };

const CONTENT_PURPOSE = "attachment.content";
const FILENAME_PURPOSE = "attachment.filename";

export interface AttachmentOwner {
  kind: AttachmentOwnerKind;
  id: string;
  organisationId: string | null;
}

const viewColumns = {
  id: attachments.id,
  ownerKind: attachments.ownerKind,
  ownerId: attachments.ownerId,
  filenameSealed: attachments.filenameSealed,
  mediaType: attachments.mediaType,
  byteSize: attachments.byteSize,
  sha256: attachments.sha256,
  uploadedAt: attachments.uploadedAt,
  uploadedBy: users.name,
};
interface ViewRow {
  id: string;
  ownerKind: string;
  ownerId: string;
  filenameSealed: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string | null;
}

function toView(deps: Deps, row: ViewRow): AttachmentView {
  return {
    id: row.id,
    ownerKind: row.ownerKind as AttachmentOwnerKind,
    ownerId: row.ownerId,
    filename: deps.vault.decrypt(FILENAME_PURPOSE, row.filenameSealed),
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy,
  };
}

const selectViews = (deps: Deps) =>
  deps.db.select(viewColumns).from(attachments).leftJoin(users, eq(users.id, attachments.uploadedBy));

/** The files of several records at once (a timeline's actions), oldest first per record. */
export async function listAttachments(
  deps: Deps,
  ownerKind: AttachmentOwnerKind,
  ownerIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const byOwner = new Map<string, AttachmentView[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) return byOwner;
  const rows = await selectViews(deps)
    .where(and(eq(attachments.ownerKind, ownerKind), inArray(attachments.ownerId, [...ownerIds])))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
  for (const row of rows) byOwner.get(row.ownerId)?.push(toView(deps, row));
  return byOwner;
}

/** What the owner's feature does, in the same transaction, when one of its record's files is added or removed. */
export type FilesChanged = (tx: Deps, principal: Principal, ownerId: string) => Promise<void>;

export async function storeAttachment(
  deps: Deps,
  principal: Principal,
  owner: AttachmentOwner,
  upload: { filename: string; bytes: Uint8Array },
  onFilesChanged?: FilesChanged,
): Promise<AttachmentView> {
  const filename = cleanFilename(upload.filename);
  if (!filename)
    throw badRequest("Name the file: add ?filename=<name> to the upload.", [
      { path: "filename", message: "is missing or has no usable characters" },
    ]);
  if (upload.bytes.length > MAX_ATTACHMENT_BYTES)
    throw new AppError(
      413,
      "too_large",
      "Files can be at most 10 MB. Send a smaller file or a shorter clip.",
    );
  const sniffed = sniffMediaType(upload.bytes, filename);
  if (!sniffed.ok) throw new AppError(415, "unsupported_media_type", sniffed.reason);
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");

  const id = await inTransaction(deps, async (tx) => {
    const [existing] = await tx.db
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.ownerKind, owner.kind), eq(attachments.ownerId, owner.id)));
    if ((existing?.n ?? 0) >= MAX_ATTACHMENTS_PER_RECORD)
      throw conflict(`A record can hold at most ${MAX_ATTACHMENTS_PER_RECORD} files. Remove one first.`);
    const [row] = await tx.db
      .insert(attachments)
      .values({
        organisationId: owner.organisationId,
        ownerKind: owner.kind,
        ownerId: owner.id,
        filenameSealed: tx.vault.encrypt(FILENAME_PURPOSE, filename),
        mediaType: sniffed.mediaType,
        byteSize: upload.bytes.length,
        sha256,
        contentSealed: tx.vault.encryptBytes(CONTENT_PURPOSE, upload.bytes),
        uploadedBy: principal.userId,
        uploadedAt: tx.now(),
      })
      .returning({ id: attachments.id });
    const attachmentId = (row as { id: string }).id;
    // The name and content stay out of the audit log; the hash proves which file it was.
    await recordAudit(tx, actorOf(principal), {
      action: "attachment.add",
      entityType: "attachment",
      entityId: attachmentId,
      organisationId: owner.organisationId,
      after: {
        ownerKind: owner.kind,
        ownerId: owner.id,
        mediaType: sniffed.mediaType,
        byteSize: upload.bytes.length,
        sha256,
      },
    });
    await onFilesChanged?.(tx, principal, owner.id);
    return attachmentId;
  });
  const [view] = await selectViews(deps).where(eq(attachments.id, id));
  return toView(deps, view as ViewRow);
}

async function findOwned(deps: Deps, owner: AttachmentOwner, attachmentId: string) {
  const [row] = await deps.db
    .select({ ...viewColumns, contentSealed: attachments.contentSealed })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(
      and(
        eq(attachments.id, attachmentId),
        eq(attachments.ownerKind, owner.kind),
        eq(attachments.ownerId, owner.id),
      ),
    );
  if (!row) throw notFound("The file");
  return row;
}

export async function readAttachment(
  deps: Deps,
  owner: AttachmentOwner,
  attachmentId: string,
): Promise<{ view: AttachmentView; content: Buffer }> {
  const row = await findOwned(deps, owner, attachmentId);
  return {
    view: toView(deps, row),
    content: deps.vault.decryptBytes(CONTENT_PURPOSE, row.contentSealed),
  };
}

/**
 * Removal is for a file attached by mistake (a photo showing a witness's face): the content is
 * deleted for good, and the audit row keeps its hash so the removal itself stays on record.
 */
export async function deleteAttachment(
  deps: Deps,
  principal: Principal,
  owner: AttachmentOwner,
  attachmentId: string,
  onFilesChanged?: FilesChanged,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await findOwned(tx, owner, attachmentId);
    await tx.db.delete(attachments).where(eq(attachments.id, attachmentId));
    await recordAudit(tx, actorOf(principal), {
      action: "attachment.delete",
      entityType: "attachment",
      entityId: attachmentId,
      organisationId: owner.organisationId,
      before: {
        ownerKind: owner.kind,
        ownerId: owner.id,
        mediaType: row.mediaType,
        byteSize: row.byteSize,
        sha256: row.sha256,
      },
    });
    await onFilesChanged?.(tx, principal, owner.id);
  });
}
