// Admin → Incoming SMS: messages that processing gave up on, with what went wrong, and a way to run
// them again once the cause is fixed. The sender and the text stay sealed; the server never sends them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { FailedInboundView, InboundBacklogView } from "../../../common/contracts/channels.ts";
import { useApi } from "../../app/api-context.tsx";
import { errorText } from "../../ui/error-text.ts";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { MessageTable, useMoment } from "./message-table.tsx";

const failedKey = ["channels", "failed"] as const;

/**
 * Retries of one message span about ten minutes (MAX_INBOUND_ATTEMPTS): a message waiting longer
 * than that means processing is not running, rather than still retrying.
 */
const STUCK_AFTER_MS = 15 * 60_000;

/** Company names, the same in every language. */
const GATEWAY_NAMES: Record<FailedInboundView["gateway"], string> = {
  africastalking: "Africa's Talking",
  twilio: "Twilio",
};

function useFailedMessages() {
  const api = useApi();
  return useQuery({
    queryKey: failedKey,
    queryFn: () =>
      api.get<{ messages: FailedInboundView[]; total: number; waiting: InboundBacklogView }>(
        "/api/channels/failed?limit=100",
      ),
  });
}

export function FailedMessagesPage() {
  const { t } = useTranslation();
  const when = useMoment();
  const api = useApi();
  const queryClient = useQueryClient();
  const failed = useFailedMessages();
  const retry = useMutation({
    mutationFn: (id: string) => api.post<{ queued: boolean }>(`/api/channels/failed/${id}/retry`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: failedKey }),
  });
  return (
    <>
      <PageTitle>{t("admin.incoming")}</PageTitle>
      <p className="muted">{t("channels.intro")}</p>
      {retry.isSuccess ? <SuccessNotice>{t("channels.queued")}</SuccessNotice> : null}
      {retry.error ? <ErrorAlert>{errorText(t, retry.error)}</ErrorAlert> : null}
      {failed.data && failed.data.waiting.count > 0 ? (
        <p
          className={
            Date.parse(failed.data.waiting.oldestReceivedAt ?? "") < Date.now() - STUCK_AFTER_MS
              ? "notice notice-warning"
              : undefined
          }
        >
          {t("channels.waiting", {
            count: failed.data.waiting.count,
            when: when(failed.data.waiting.oldestReceivedAt),
          })}
        </p>
      ) : null}
      <MessageTable
        query={failed}
        caption={t("admin.incoming")}
        none={t("channels.none")}
        count={(total) => t("channels.count", { count: total })}
        columns={[
          t("channels.received"),
          t("channels.gateway"),
          t("channels.attempts"),
          t("channels.lastError"),
        ]}
        row={(m) => (
          <tr key={m.id}>
            <td>{when(m.receivedAt)}</td>
            <td>{GATEWAY_NAMES[m.gateway]}</td>
            <td>{m.attempts}</td>
            <td>
              <code>{m.lastError ?? "—"}</code>
            </td>
            <td>
              <button
                type="button"
                disabled={retry.isPending}
                aria-label={t("channels.retryOne", { when: when(m.receivedAt) })}
                onClick={() => retry.mutate(m.id)}
              >
                {t("channels.retry")}
              </button>
            </td>
          </tr>
        )}
      />
    </>
  );
}
