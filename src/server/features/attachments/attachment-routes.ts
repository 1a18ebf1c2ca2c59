// The four routes every record with files shares. The owner's feature passes its own policy as
// `authorise`, which runs before any file is listed, read, stored or removed: a record outside the
// caller's reach answers 404 here exactly as it does on the owner's own routes.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AttachmentOwnerKind } from "../../../common/contracts/attachments.ts";
import type { Deps } from "../../deps.ts";
import { AppError, badRequest, notFound } from "../../lib/errors.ts";
import { answerError } from "../../lib/http.ts";
import { isUuid } from "../../lib/ids.ts";
import type { Principal } from "../../lib/scope.ts";
import { contentDisposition, MAX_ATTACHMENT_BYTES } from "./attachment-files.ts";
import {
  deleteAttachment,
  type FilesChanged,
  listAttachments,
  readAttachment,
  storeAttachment,
} from "./attachments.service.ts";

export interface AttachmentRouteOptions {
  /** Must contain `:id`, the owning record's id, e.g. "/api/activities/:id/attachments". */
  path: string;
  ownerKind: AttachmentOwnerKind;
  authorise(
    request: FastifyRequest,
    ownerId: string,
    mode: "read" | "write",
  ): Promise<{ principal: Principal; organisationId: string | null }>;
  /**
   * Runs in the transaction that adds or removes a file, for owners whose state depends on their
   * files: an approved story whose evidence changes is no longer what was approved.
   */
  onFilesChanged?: FilesChanged;
}

type OwnerParams = { Params: { id: string }; Querystring: { filename?: string } };
type FileParams = { Params: { id: string; attachmentId: string } };

function fileIdOf(raw: string): string {
  if (!isUuid(raw)) throw notFound("The file");
  return raw;
}

export function registerAttachmentRoutes(app: FastifyInstance, deps: Deps, options: AttachmentRouteOptions) {
  const { path, ownerKind, authorise, onFilesChanged } = options;
  if (!path.includes(":id")) throw new Error(`Attachment path ${path} must contain :id`);

  app.register(async (scope) => {
    // Uploads are the raw file bytes, whatever Content-Type the browser guesses; the type is
    // sniffed from the bytes later (attachment-files.ts).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES },
      (_r, body, done) => done(null, body),
    );
    scope.setErrorHandler((error, request, reply) => {
      if ((error as { code?: string }).code === "FST_ERR_CTP_BODY_TOO_LARGE")
        return answerError(
          new AppError(
            413,
            "too_large",
            "Files can be at most 10 MB. Send a smaller file or a shorter clip.",
          ),
          request,
          reply,
        );
      return answerError(error, request, reply);
    });

    const ownerOf = async (request: FastifyRequest, ownerId: string, mode: "read" | "write") => {
      const { principal, organisationId } = await authorise(request, ownerId, mode);
      return { principal, owner: { kind: ownerKind, id: ownerId, organisationId } };
    };

    scope.get<OwnerParams>(path, async (request) => {
      const { owner } = await ownerOf(request, request.params.id, "read");
      return { attachments: (await listAttachments(deps, ownerKind, [owner.id])).get(owner.id) ?? [] };
    });

    scope.post<OwnerParams>(path, async (request, reply) => {
      const { principal, owner } = await ownerOf(request, request.params.id, "write");
      if (!Buffer.isBuffer(request.body))
        throw badRequest("Send the file's bytes as the request body.", [
          { path: "body", message: "is empty" },
        ]);
      const stored = await storeAttachment(
        deps,
        principal,
        owner,
        {
          filename: request.query.filename ?? "",
          bytes: request.body,
        },
        onFilesChanged,
      );
      return reply.status(201).send({ attachment: stored });
    });

    scope.get<FileParams>(`${path}/:attachmentId`, async (request, reply) => {
      const { owner } = await ownerOf(request, request.params.id, "read");
      const { view, content } = await readAttachment(deps, owner, fileIdOf(request.params.attachmentId));
      return reply
        .header("Content-Type", view.mediaType)
        .header("Content-Disposition", contentDisposition(view.filename))
        .header("Cache-Control", "private, no-store")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .send(content);
    });

    scope.delete<FileParams>(`${path}/:attachmentId`, async (request, reply) => {
      const { principal, owner } = await ownerOf(request, request.params.id, "write");
      await deleteAttachment(deps, principal, owner, fileIdOf(request.params.attachmentId), onFilesChanged);
      return reply.status(204).send();
    });
  });
}
