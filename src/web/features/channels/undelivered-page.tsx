// Admin → Outgoing messages: SMS and emails that did not go out for sure, for a person to settle.
// A failed one can be sent again; an uncertain one may have arrived, so it is sent again or recorded
// as sent only after checking. The recipient and the text stay out of the page.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { UndeliveredView } from "../../../common/contracts/channels.ts";
import { useApi } from "../../app/api-context.tsx";
import { errorText } from "../../ui/error-text.ts";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { MessageTable, useMoment } from "./message-table.tsx";

const undeliveredKey = ["messaging", "undelivered"] as const;
type Settlement = "resend" | "confirm-sent";

export function UndeliveredPage() {
  const { t } = useTranslation();
  const when = useMoment();
  const api = useApi();
  const queryClient = useQueryClient();
  const undelivered = useQuery({
    queryKey: undeliveredKey,
    queryFn: () =>
      api.get<{ messages: UndeliveredView[]; total: number }>("/api/messaging/undelivered?limit=100"),
  });
  const settle = useMutation({
    mutationFn: ({ id, how }: { id: string; how: Settlement }) =>
      api.post<{ settled: string }>(`/api/messaging/undelivered/${id}/${how}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: undeliveredKey }),
  });
  return (
    <>
      <PageTitle>{t("admin.outgoing")}</PageTitle>
      <p className="muted">{t("channels.outgoing.intro")}</p>
      {settle.isSuccess ? (
        <SuccessNotice>{t(`channels.outgoing.done.${settle.variables.how}`)}</SuccessNotice>
      ) : null}
      {settle.error ? <ErrorAlert>{errorText(t, settle.error)}</ErrorAlert> : null}
      <MessageTable
        query={undelivered}
        caption={t("admin.outgoing")}
        none={t("channels.outgoing.none")}
        count={(total) => t("channels.outgoing.count", { count: total })}
        columns={[
          t("channels.outgoing.created"),
          t("channels.outgoing.channel"),
          t("channels.outgoing.status"),
          t("channels.outgoing.purpose"),
          t("channels.outgoing.report"),
          t("channels.lastError"),
          t("channels.outgoing.delivery"),
        ]}
        row={(m) => (
          <tr key={m.id}>
            <td>{when(m.createdAt)}</td>
            <td>{t(`channels.outgoing.channels.${m.channel}`)}</td>
            <td>{t(`channels.outgoing.statuses.${m.status}`)}</td>
            <td>
              <code>{m.purpose}</code>
            </td>
            <td>{m.reportReference ?? "—"}</td>
            <td>
              <code>{m.lastError ?? "—"}</code>
            </td>
            <td>
              <GatewayReport delivery={m.delivery} />
            </td>
            <td>
              <button
                type="button"
                disabled={settle.isPending}
                aria-label={t("channels.outgoing.resendOne", { when: when(m.createdAt) })}
                onClick={() => settle.mutate({ id: m.id, how: "resend" })}
              >
                {t("channels.outgoing.resend")}
              </button>
              {m.status === "uncertain" ? (
                <button
                  type="button"
                  disabled={settle.isPending}
                  aria-label={t("channels.outgoing.confirmOne", { when: when(m.createdAt) })}
                  onClick={() => settle.mutate({ id: m.id, how: "confirm-sent" })}
                >
                  {t("channels.outgoing.confirm")}
                </button>
              ) : null}
            </td>
          </tr>
        )}
      />
    </>
  );
}

/** The gateway's own word on the message: what it means, the word itself, when, and why it failed. */
function GatewayReport({ delivery }: { delivery: UndeliveredView["delivery"] }) {
  const { t } = useTranslation();
  const when = useMoment();
  if (!delivery) return <span className="muted">{t("channels.outgoing.deliveryNone")}</span>;
  return (
    <>
      {t("channels.outgoing.deliveryWord", {
        outcome: t(`channels.outgoing.outcomes.${delivery.outcome}`),
        status: delivery.status,
        when: when(delivery.reportedAt),
      })}
      {delivery.failureReason ? (
        <>
          <br />
          <code>{t("channels.outgoing.deliveryReason", { reason: delivery.failureReason })}</code>
        </>
      ) : null}
    </>
  );
}
