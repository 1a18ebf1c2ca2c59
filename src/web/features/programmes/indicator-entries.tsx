// The figures entered for a manual or survey-based indicator, each with the evidence behind it: the
// text typed with the figure and the files (survey reports, registers, letters) attached to it.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { IndicatorView } from "../../../common/contracts/programmes-views.ts";
import { AttachmentsPanel } from "../../ui/attachments.tsx";
import { LoadError } from "../../ui/notices.tsx";
import { programmeKeys, useIndicatorEntries } from "./programme-queries.ts";

export function IndicatorEntries({ indicator, canChange }: { indicator: IndicatorView; canChange: boolean }) {
  const { t } = useTranslation();
  const entries = useIndicatorEntries(indicator.id);
  const queryClient = useQueryClient();
  if (entries.isError) return <LoadError error={entries.error} retry={() => void entries.refetch()} />;
  const list = entries.data?.entries ?? [];
  if (list.length === 0) return null;
  return (
    <details className="indicator-entries" open={canChange}>
      <summary>
        {t("programmes.figureEntries")} ({list.length})
      </summary>
      <ul className="plain-list">
        {list.map((entry) => (
          <li key={entry.id} className="indicator-entry">
            <p>
              <strong>
                {entry.value}
                {indicator.unit ? ` ${indicator.unit}` : ""}
              </strong>{" "}
              · {entry.asOf}
            </p>
            <p className="muted">{entry.evidence}</p>
            <h4 className="visually-hidden">{t("programmes.evidenceFiles")}</h4>
            <AttachmentsPanel
              path={`/api/indicator-entries/${entry.id}/attachments`}
              canChange={canChange}
              initial={entry.attachments}
              onChanged={() =>
                void queryClient.invalidateQueries({ queryKey: programmeKeys.entries(indicator.id) })
              }
            />
          </li>
        ))}
      </ul>
    </details>
  );
}
