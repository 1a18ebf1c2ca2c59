// Small pieces the inbox and the report page share: urgency badges, highlighted text, dates.
import { useTranslation } from "react-i18next";
import type { EvidenceView } from "../../../common/contracts/reports.ts";
import { CATEGORY_CODES } from "../../../common/taxonomy.ts";
import { highlightRuns } from "./highlight.ts";

export function UrgencyBadge({ urgency }: { urgency: string | null }) {
  const { t } = useTranslation();
  const level = urgency ?? "none";
  return (
    <span className={`badge urgency urgency-${level}`} data-urgency={level}>
      {t(`inbox.urgencies.${level}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status status-${status}`}>{t(`inbox.statuses.${status}`)}</span>;
}

export function useCategoryName() {
  const { t } = useTranslation();
  return (code: string | null) => (code ? t(`inbox.categories.${code}`) : "—");
}

/** The report's words, with those triage relied on marked; the mark's title says what they pointed to. */
export function HighlightedText({
  text,
  evidence,
  source = "text",
}: {
  text: string;
  evidence: readonly EvidenceView[];
  source?: string;
}) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const describe = (kind: string, label: string) => {
    if (kind === "category" && (CATEGORY_CODES as readonly string[]).includes(label))
      return `${t("inbox.evidenceKinds.category")}: ${categoryName(label)}`;
    return t(`inbox.evidenceKinds.${kind}`);
  };
  return (
    <span className="report-text">
      {highlightRuns(text, evidence, source).map((run) =>
        run.evidence ? (
          <mark
            key={run.start}
            className={`evidence evidence-${run.evidence.kind}`}
            title={describe(run.evidence.kind, run.evidence.label)}
          >
            {run.text}
          </mark>
        ) : (
          <span key={run.start}>{run.text}</span>
        ),
      )}
    </span>
  );
}

export function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" });
  return (iso: string) => format.format(new Date(iso));
}

export function percent(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}
