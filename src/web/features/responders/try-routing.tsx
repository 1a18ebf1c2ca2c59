// "Try it": a dry run of routing. Choose a category, an urgency and a place; see which units would
// receive such a case and, for each, the rule and the conditions that sent it there.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  ResponderUnitView,
  RoutingExplanation,
  RoutingReason,
  RoutingRuleView,
} from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import type { PlaceRef } from "../../api/types.ts";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorAlert } from "../../ui/notices.tsx";
import { PlacePicker } from "../places/place-picker.tsx";
import { useOptions } from "./responder-bits.tsx";
import { useExplainRouting } from "./responder-queries.ts";
import { useRuleWords } from "./rule-list.tsx";

const BUILT_IN: Record<string, string> = {
  "conflict-of-interest": "responders.tryIt.conflictRule",
  fallback: "responders.tryIt.fallbackRule",
};

function Reason({
  reason,
  rules,
  units,
}: {
  reason: RoutingReason;
  rules: RoutingRuleView[];
  units: ResponderUnitView[];
}) {
  const { t } = useTranslation();
  const words = useRuleWords();
  const rule = rules.find((r) => r.id === reason.ruleId);
  const builtIn = BUILT_IN[reason.ruleId];
  const ruleName = builtIn ? t(builtIn) : (rule?.name ?? reason.ruleName);
  const said = rule ? words(rule) : null;
  const matched = said
    ? [said.category, said.urgency, said.place].join("; ")
    : reason.ruleId === "fallback"
      ? t("responders.tryIt.noOtherRule")
      : reason.matched.join("; ");
  const area =
    units.flatMap((u) => u.areas).find((a) => a.path === reason.unitAreaPath)?.name ?? reason.unitAreaPath;
  return (
    <li>
      {t("responders.tryIt.reason", { rule: ruleName, matched })}{" "}
      {t("responders.tryIt.area", { area, level: t(`cases.levels.${reason.unitPlaceLevel}`) })}
    </li>
  );
}

function Result({
  explanation,
  rules,
  units,
}: {
  explanation: RoutingExplanation;
  rules: RoutingRuleView[];
  units: ResponderUnitView[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="try-result" className="try-result" aria-live="polite">
      <h3 id="try-result">{t("responders.tryIt.result")}</h3>
      {explanation.conflictOfInterest ? (
        <p className="notice notice-warning">{t("responders.tryIt.conflict")}</p>
      ) : null}
      {explanation.usedDefault ? <p>{t("responders.tryIt.usedDefault")}</p> : null}
      {explanation.units.length === 0 ? <p>{t("responders.tryIt.nobody")}</p> : null}
      <ul className="plain-list try-units">
        {explanation.units.map((unit) => (
          <li key={unit.unitId}>
            <strong>{unit.unitName}</strong>{" "}
            <span className="muted">({t(`responders.kinds.${unit.kind}`)})</span>
            <ul>
              {unit.reasons.map((reason) => (
                <Reason key={reason.ruleId} reason={reason} rules={rules} units={units} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("responders.tryIt.steps")}</summary>
        <ol lang="en">
          {explanation.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}

export function TryRouting({ rules, units }: { rules: RoutingRuleView[]; units: ResponderUnitView[] }) {
  const { t } = useTranslation();
  const options = useOptions();
  const explain = useExplainRouting();
  const [category, setCategory] = useState<string>("gang_crime");
  const [urgency, setUrgency] = useState<string>("high");
  const [place, setPlace] = useState<PlaceRef[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    explain.mutate({
      category: category as CategoryCode,
      urgency: urgency as Urgency,
      placeId: place[0]?.id ?? null,
    });
  };
  return (
    <section className="card try-routing" aria-labelledby="try-it">
      <h2 id="try-it">{t("responders.tryIt.title")}</h2>
      <p>{t("responders.tryIt.intro")}</p>
      <form onSubmit={submit} noValidate className="responder-form">
        <SelectField
          label={t("responders.tryIt.category")}
          value={category}
          onChange={setCategory}
          options={options.categories}
        />
        <SelectField
          label={t("responders.tryIt.urgency")}
          value={urgency}
          onChange={setUrgency}
          options={options.urgencies}
        />
        <PlacePicker
          legend={t("responders.tryIt.place")}
          hint={t("responders.tryIt.placeHint")}
          selected={place}
          onChange={(chosen) => setPlace(chosen.slice(-1))}
        />
        {explain.error ? <ErrorAlert>{formAlertText(t, explain.error, [])}</ErrorAlert> : null}
        <button type="submit" disabled={explain.isPending}>
          {t("responders.tryIt.show")}
        </button>
      </form>
      {explain.data ? <Result explanation={explain.data.explanation} rules={rules} units={units} /> : null}
    </section>
  );
}
