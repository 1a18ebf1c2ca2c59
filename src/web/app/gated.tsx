import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../ui/page-title.tsx";
import { type Gate, passes } from "./navigation.ts";
import { usePermissions } from "./session.ts";

/** Someone who follows a link past their roles gets an explanation, not a broken page. */
export function Gated({ gate, children }: { gate: Gate; children: ReactNode }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  if (passes(gate, permissions)) return children;
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t("errors.noAccessTitle")}</PageTitle>
      <p>{t("errors.noAccess")}</p>
    </section>
  );
}
