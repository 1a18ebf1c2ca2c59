import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "./error-text.ts";

export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="notice notice-error">
      {children}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="notice notice-success">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t("common.loading")}
    </p>
  );
}

/** A failed load, with a way to try again rather than a dead end. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorAlert>
      <p>{errorText(t, error)}</p>
      {retry ? (
        <button type="button" className="button-secondary" onClick={retry}>
          {t("common.retry")}
        </button>
      ) : null}
    </ErrorAlert>
  );
}
