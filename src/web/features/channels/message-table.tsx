// What the Incoming SMS and Outgoing messages pages share: loading and empty states, how many need
// a decision, and the table with one action column. Each page brings its own columns and actions.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LoadError, Loading } from "../../ui/notices.tsx";

interface Props<M> {
  query: UseQueryResult<{ messages: M[]; total: number }>;
  caption: string;
  none: string;
  count: (total: number) => string;
  columns: string[];
  row: (message: M) => ReactNode;
}

export function MessageTable<M>({ query, caption, none, count, columns, row }: Props<M>) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  if (query.data.messages.length === 0) return <p className="muted">{none}</p>;
  return (
    <>
      <p>{count(query.data.total)}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t("channels.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>{query.data.messages.map(row)}</tbody>
        </table>
      </div>
    </>
  );
}

/** A moment as staff read it, in their language: "23 Nov 2026, 21:18". */
export function useMoment(): (iso: string | null) => string {
  const { i18n } = useTranslation();
  return (iso) =>
    iso
      ? new Date(iso).toLocaleString(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" })
      : "—";
}
