// Admin → Outgoing messages: SMS and emails that did not go out for sure, for a person to settle.
// A failed one can be sent again; an uncertain one may have arrived, so it is sent again or recorded
// as sent only after checking. The recipient and the text stay out of the page.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { UndeliveredView } from "../../../common/contracts/channels.ts";
import { useApi } from "../../app/api-context.tsx";
import { errorText } from "../../ui/error-text.ts";
import { ErrorAlert, LoadError, Loading, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";

const undeliveredKey = ["messaging", "undelivered"] as const;
type Settlement = "resend" | "confirm-sent";

export function UndeliveredPage() {
  const { t, i18n } = useTranslation();
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
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageTitle>{t("admin.outgoing")}</PageTitle>
      <p className="muted">{t("channels.outgoing.intro")}</p>
      {settle.isSuccess ? (
        <SuccessNotice>{t(`channels.outgoing.done.${settle.variables.how}`)}</SuccessNotice>
      ) : null}
      {settle.error ? <ErrorAlert>{errorText(t, settle.error)}</ErrorAlert> : null}
      {undelivered.isPending ? <Loading /> : null}
      {undelivered.isError ? (
        <LoadError error={undelivered.error} retry={() => void undelivered.refetch()} />
      ) : null}
      {undelivered.data?.messages.length === 0 ? (
        <p className="muted">{t("channels.outgoing.none")}</p>
      ) : null}
      {undelivered.data && undelivered.data.messages.length > 0 ? (
        <>
          <p>{t("channels.outgoing.count", { count: undelivered.data.total })}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("admin.outgoing")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("channels.outgoing.created")}</th>
                  <th scope="col">{t("channels.outgoing.channel")}</th>
                  <th scope="col">{t("channels.outgoing.status")}</th>
                  <th scope="col">{t("channels.outgoing.purpose")}</th>
                  <th scope="col">{t("channels.outgoing.report")}</th>
                  <th scope="col">{t("channels.lastError")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("channels.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {undelivered.data.messages.map((m) => (
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
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
