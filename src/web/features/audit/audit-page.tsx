import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";

const PAGE_SIZE = 50;

function useAuditPage(before: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ["audit", before ?? "newest"],
    queryFn: () => api.get<{ entries: AuditEntry[] }>("/api/audit", { limit: PAGE_SIZE, before }),
    placeholderData: keepPreviousData,
  });
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("admin.audit")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.record")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>
                <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
              </td>
              <td>{entry.actorEmail ?? t("audit.system")}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entityType} <span className="muted">{entry.entityId}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [before, setBefore] = useState<number | undefined>(undefined);
  const page = useAuditPage(before);
  const entries = page.data?.entries ?? [];
  const oldest = entries.at(-1);
  return (
    <>
      <PageTitle>{t("admin.audit")}</PageTitle>
      {page.isPending ? <Loading /> : null}
      {page.isError ? <LoadError error={page.error} retry={() => void page.refetch()} /> : null}
      {page.isSuccess && entries.length === 0 ? <p className="muted">{t("audit.none")}</p> : null}
      {entries.length > 0 ? <AuditTable entries={entries} /> : null}
      <div className="pager">
        {before !== undefined ? (
          <button type="button" className="button-secondary" onClick={() => setBefore(undefined)}>
            {t("audit.newest")}
          </button>
        ) : null}
        {oldest && entries.length === PAGE_SIZE ? (
          <button type="button" className="button-secondary" onClick={() => setBefore(oldest.seq)}>
            {t("audit.older")}
          </button>
        ) : null}
      </div>
    </>
  );
}
