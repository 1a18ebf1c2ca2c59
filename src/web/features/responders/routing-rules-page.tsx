// Admin → Routing rules: the rules in evaluation order, the built-in conflict-of-interest rule said
// plainly, a form to add a rule, and "Try it" to see where a case would go and why.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { useResponderUnits, useRoutingRules } from "./responder-queries.ts";
import { RuleForm } from "./rule-form.tsx";
import { RuleList } from "./rule-list.tsx";
import { TryRouting } from "./try-routing.tsx";
import "./responders.css";

export function RoutingRulesPage() {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const units = useResponderUnits();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      <PageTitle>{t("admin.routing")}</PageTitle>
      <p>{t("responders.rules.intro")}</p>
      <p className="notice notice-warning">{t("responders.rules.conflict")}</p>
      {rules.isPending ? <Loading /> : null}
      {rules.isError ? <LoadError error={rules.error} retry={() => void rules.refetch()} /> : null}
      {rules.data ? <RuleList rules={rules.data.rules} editing={editing} onEdit={setEditing} /> : null}
      <TryRouting rules={rules.data?.rules ?? []} units={units.data?.units ?? []} />
      <section className="card" aria-labelledby="add-rule">
        <h2 id="add-rule">{t("responders.rules.addTitle")}</h2>
        <RuleForm />
      </section>
    </>
  );
}
