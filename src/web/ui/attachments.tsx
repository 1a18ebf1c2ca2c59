// Files on a record: the list with download links, and for those who may change the record an
// upload control (several files at once) and removal. Used by case actions, activities, impact
// stories and manual indicator figures; the server decides who may do what and answers 404/403.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentsResponse, AttachmentView } from "../../common/contracts/attachments.ts";
import { useApi } from "../app/api-context.tsx";
import { errorText } from "./error-text.ts";
import { ErrorAlert } from "./notices.tsx";

export const attachmentKeys = { list: (path: string) => ["attachments", path] as const };

/** "2.4 MB", "800 KB", "120 B": enough to tell a photo from a clip on a slow connection. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

interface Props {
  /** The record's files route, e.g. `/api/activities/<id>/attachments`. */
  path: string;
  canChange: boolean;
  /** Files the record's own view already carries, shown without another request. */
  initial?: AttachmentView[];
  /** Called after a change, so the record's own view can refresh. */
  onChanged?: () => void;
}

export function AttachmentsPanel({ path, canChange, initial, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [problem, setProblem] = useState<unknown>(null);
  const list = useQuery({
    queryKey: attachmentKeys.list(path),
    queryFn: () => api.get<AttachmentsResponse>(path),
    ...(initial ? { initialData: { attachments: initial } } : {}),
  });
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: attachmentKeys.list(path) });
    onChanged?.();
  };
  const upload = useMutation({
    // One at a time: a phone on a weak connection should finish one file before starting the next.
    mutationFn: async (files: File[]) => {
      for (const file of files) await api.upload(path, file, file.name);
    },
    onMutate: () => setProblem(null),
    onError: setProblem,
    onSettled: changed,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${path}/${id}`),
    onMutate: () => setProblem(null),
    onError: setProblem,
    onSettled: changed,
  });
  const files = list.data?.attachments ?? [];

  return (
    <div className="attachments">
      {files.length === 0 ? (
        <p className="muted">{t("attachments.none")}</p>
      ) : (
        <ul className="attachment-list">
          {files.map((file) => (
            <li key={file.id}>
              <a href={`${path}/${file.id}`} download={file.filename}>
                {file.filename}
              </a>{" "}
              <span className="muted">
                {formatBytes(file.byteSize)}
                {file.uploadedBy ? ` · ${file.uploadedBy}` : ""}
              </span>
              {canChange ? (
                <button
                  type="button"
                  className="button-secondary button-small"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t("attachments.confirmRemove", { name: file.filename })))
                      remove.mutate(file.id);
                  }}
                >
                  {t("attachments.remove")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canChange ? (
        <p>
          <label htmlFor={inputId}>{t("attachments.add")}</label>{" "}
          <input
            id={inputId}
            type="file"
            multiple
            disabled={upload.isPending}
            onChange={(event) => {
              const chosen = [...(event.target.files ?? [])];
              event.target.value = "";
              if (chosen.length > 0) upload.mutate(chosen);
            }}
          />
          <span className="muted">
            {" "}
            {upload.isPending ? t("attachments.uploading") : t("attachments.hint")}
          </span>
        </p>
      ) : null}
      {problem ? <ErrorAlert>{errorText(t, problem)}</ErrorAlert> : null}
      {list.isError ? <ErrorAlert>{errorText(t, list.error)}</ErrorAlert> : null}
    </div>
  );
}
