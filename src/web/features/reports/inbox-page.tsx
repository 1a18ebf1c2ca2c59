// The staff inbox: every report waiting for a decision, most urgent first, refreshed by itself.
// Built for speed on a busy day: one keystroke verifies, rejects or re-categorises the current report.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ReportListItem } from "../../../common/contracts/reports.ts";
import { CATEGORY_CODES } from "../../../common/taxonomy.ts";
import { usePermissions } from "../../app/session.ts";
import { errorText } from "../../ui/error-text.ts";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import "./inbox.css";
import { InboxFilterBar } from "./inbox-filters.tsx";
import { commandFor, type InboxCommand, isTypingTarget } from "./inbox-keys.ts";
import { useCategoryName } from "./report-bits.tsx";
import {
  EMPTY_FILTERS,
  type InboxFilters,
  PAGE_SIZE,
  useBulkAction,
  useReportAction,
  useReportList,
} from "./report-queries.ts";
import { ReportRow } from "./report-row.tsx";
import {
  DEFAULT_NOT_FORWARD_REASON,
  type NotForwardReason,
  ResidentReasonField,
} from "./resident-reason.tsx";

function KeyboardHelp() {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  return (
    <details className="keyboard-help">
      <summary>{t("inbox.keys.title")}</summary>
      <p>{t("inbox.keys.help")}</p>
      <ol className="category-keys">
        {CATEGORY_CODES.map((code) => (
          <li key={code}>
            <kbd>{CATEGORY_CODES.indexOf(code) + 1}</kbd> {categoryName(code)}
          </li>
        ))}
      </ol>
    </details>
  );
}

function BulkBar({ ids, onDone }: { ids: string[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const bulk = useBulkAction();
  const [reason, setReason] = useState("");
  const [residentReason, setResidentReason] = useState<NotForwardReason>(DEFAULT_NOT_FORWARD_REASON);
  const run = (action: "verify" | "reject") =>
    bulk.mutate(
      { ids, action, ...(action === "reject" && { reason: reason.trim(), residentReason }) },
      {
        onSuccess: ({ results }) => {
          const ok = results.filter((r) => r.ok).length;
          onDone(t("inbox.bulk.done", { ok, failed: results.length - ok }));
          setReason("");
          setResidentReason(DEFAULT_NOT_FORWARD_REASON);
        },
      },
    );
  const reject = (event: FormEvent) => {
    event.preventDefault();
    run("reject");
  };
  return (
    <section className="bulk-bar" aria-label={t("inbox.bulk.selected", { count: ids.length })}>
      <strong>{t("inbox.bulk.selected", { count: ids.length })}</strong>
      <button type="button" className="button-small" disabled={bulk.isPending} onClick={() => run("verify")}>
        {t("inbox.bulk.verify")}
      </button>
      <form onSubmit={reject} className="inline-form">
        <label>
          {t("inbox.bulk.reason")}
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ResidentReasonField value={residentReason} onChange={setResidentReason} reference="BRZ-XXXXX" />
        <button
          type="submit"
          className="button-danger button-small"
          disabled={bulk.isPending || reason.trim().length < 3}
        >
          {t("inbox.bulk.reject")}
        </button>
      </form>
      <button type="button" className="button-secondary button-small" onClick={() => onDone("")}>
        {t("inbox.bulk.clear")}
      </button>
      {bulk.error ? <ErrorAlert>{errorText(t, bulk.error)}</ErrorAlert> : null}
    </section>
  );
}

/** Which report the keyboard acts on; when it leaves the list (decided), its neighbour takes over. */
function useCursor(reports: readonly ReportListItem[]) {
  const [currentId, setCurrentId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const index = reports.findIndex((r) => r.id === currentId);
  const effectiveIndex = index >= 0 ? index : Math.min(lastIndex.current, reports.length - 1);
  const current = reports[effectiveIndex];
  if (effectiveIndex >= 0) lastIndex.current = effectiveIndex;
  const move = (step: number) => {
    const next = reports[Math.max(0, Math.min(reports.length - 1, effectiveIndex + step))];
    if (next) setCurrentId(next.id);
  };
  return { current, move, setCurrentId };
}

export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const canDecide = usePermissions().has("reports.triage");
  const [filters, setFilters] = useState<InboxFilters>(EMPTY_FILTERS);
  const [placeName, setPlaceName] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [rejectingId, setRejectingId] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const list = useReportList(filters);
  const action = useReportAction();
  const reports = list.data?.reports ?? [];
  const { current, move, setCurrentId } = useCursor(reports);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());

  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const decide = (
    report: ReportListItem,
    kind: "verify" | "reject" | "correct",
    body: Record<string, unknown>,
  ) =>
    action.mutate(
      { id: report.id, action: kind, body },
      {
        onSuccess: ({ report: saved }) => {
          setRejectingId(null);
          if (kind === "correct")
            setNotice(
              t("inbox.categorySet", { reference: saved.reference, category: categoryName(saved.category) }),
            );
          else
            setNotice(
              t(kind === "verify" ? "inbox.verified" : "inbox.rejected", { reference: saved.reference }),
            );
        },
      },
    );

  const run = (command: InboxCommand) => {
    if (command.type === "next") return move(1);
    if (command.type === "previous") return move(-1);
    if (!current) return;
    if (command.type === "open") return navigate(`/reports/${current.id}`);
    if (command.type === "toggleSelect") return toggle(current.id);
    if (!canDecide || current.status !== "triaged") return;
    if (command.type === "verify") return decide(current, "verify", {});
    if (command.type === "reject") return setRejectingId(current.id);
    if (command.type === "setCategory") return decide(current, "correct", { category: command.category });
  };
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      // Links and buttons keep Enter for themselves.
      if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("a, button"))
        return;
      const command = commandFor(event);
      if (!command) return;
      event.preventDefault();
      runRef.current(command);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    if (current) rowRefs.current.get(current.id)?.scrollIntoView?.({ block: "nearest" });
  }, [current]);

  const total = list.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <PageTitle>{t("inbox.title")}</PageTitle>
      <InboxFilterBar
        filters={filters}
        placeName={placeName}
        onChange={(next, name) => {
          setFilters(next);
          if (name !== undefined) setPlaceName(name);
        }}
      />
      <KeyboardHelp />
      {selected.size > 0 && canDecide ? (
        <BulkBar
          ids={[...selected]}
          onDone={(message) => {
            setSelected(new Set());
            setNotice(message);
          }}
        />
      ) : null}
      <p role="status" className="muted inbox-status">
        {list.data ? t("inbox.count", { count: total }) : null}
        {list.dataUpdatedAt
          ? ` · ${t("inbox.updated", { time: new Date(list.dataUpdatedAt).toLocaleTimeString() })}`
          : ""}
        {notice ? ` · ${notice}` : ""}
      </p>
      {action.error ? <ErrorAlert>{errorText(t, action.error)}</ErrorAlert> : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.isSuccess && reports.length === 0 ? <p className="muted">{t("inbox.none")}</p> : null}
      <ul className="report-list" aria-label={t("inbox.list")}>
        {reports.map((report) => (
          <ReportRow
            key={report.id}
            ref={(element) => {
              if (element) rowRefs.current.set(report.id, element);
              else rowRefs.current.delete(report.id);
            }}
            report={report}
            current={report.id === current?.id}
            selected={selected.has(report.id)}
            canDecide={canDecide}
            rejecting={rejectingId === report.id}
            busy={action.isPending}
            onFocusRow={() => setCurrentId(report.id)}
            onToggleSelect={() => toggle(report.id)}
            onVerify={() => decide(report, "verify", {})}
            onStartReject={() => setRejectingId(report.id)}
            onReject={(reason) => decide(report, "reject", { reason })}
            onCancelReject={() => setRejectingId(null)}
          />
        ))}
      </ul>
      {lastPage > 1 ? (
        <div className="pager">
          <button
            type="button"
            className="button-secondary"
            disabled={filters.page <= 1}
            onClick={() => setFilters({ ...filters, page: filters.page - 1 })}
          >
            {t("common.previous")}
          </button>
          <span>
            {filters.page} / {lastPage}
          </span>
          <button
            type="button"
            className="button-secondary"
            disabled={filters.page >= lastPage}
            onClick={() => setFilters({ ...filters, page: filters.page + 1 })}
          >
            {t("inbox.nextPage")}
          </button>
        </div>
      ) : null}
    </>
  );
}
