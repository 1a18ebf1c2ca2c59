// The routing rules in the order routing considers them: ordinary rules first, then the defaults.
import { useTranslation } from "react-i18next";
import type { RoutingRuleView } from "../../../common/contracts/cases.ts";
import { errorText } from "../../ui/error-text.ts";
import { ErrorAlert } from "../../ui/notices.tsx";
import { placeRefOf, useOrList } from "./responder-bits.tsx";
import { useSaveRule } from "./responder-queries.ts";
import { RuleForm } from "./rule-form.tsx";

/** A rule's conditions and targets in plain words. */
export function useRuleWords() {
  const { t } = useTranslation();
  const or = useOrList();
  return (rule: RoutingRuleView) => ({
    category:
      rule.categories.length === 0
        ? t("responders.rules.anyCategory")
        : or(rule.categories.map((c) => t(`cases.categories.${c}`))),
    urgency:
      rule.urgencies.length === 0
        ? t("responders.rules.anyUrgency")
        : or(rule.urgencies.map((u) => t(`cases.urgencies.${u}`))),
    place: rule.place
      ? t("responders.rules.within", {
          name: rule.place.name,
          level: t(`placeKinds.${placeRefOf(rule.place).kind}`),
        })
      : t("responders.rules.anywhere"),
    targets: rule.targetKinds.map((k) => t(`responders.kinds.${k}`)).join(", "),
  });
}

function RuleCard({
  rule,
  editing,
  onEdit,
}: {
  rule: RoutingRuleView;
  editing: boolean;
  onEdit: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const words = useRuleWords()(rule);
  const toggle = useSaveRule();
  const headingId = `rule-${rule.id}`;
  return (
    <li
      className={rule.active ? "card rule-card" : "card rule-card rule-card-off"}
      aria-labelledby={headingId}
    >
      <div className="responder-card-top">
        <h3 id={headingId}>{rule.name}</h3>
        <span className="rule-badges">
          {rule.isDefault ? (
            <span className="badge badge-on">{t("responders.rules.defaultBadge")}</span>
          ) : null}
          <span className={rule.active ? "badge badge-on" : "badge badge-off"}>
            {rule.active ? t("responders.rules.enabled") : t("responders.rules.disabled")}
          </span>
        </span>
      </div>
      <p className="muted">{t("responders.rules.order", { priority: rule.priority })}</p>
      <dl className="facts">
        <dt>{t("responders.rules.category")}</dt>
        <dd>{words.category}</dd>
        <dt>{t("responders.rules.urgency")}</dt>
        <dd>{words.urgency}</dd>
        <dt>{t("responders.rules.place")}</dt>
        <dd>{words.place}</dd>
        <dt>{t("responders.rules.sendTo")}</dt>
        <dd>{words.targets}</dd>
      </dl>
      <div className="responder-buttons">
        <button
          type="button"
          className="button-secondary button-small"
          aria-expanded={editing}
          onClick={() => onEdit(!editing)}
        >
          {editing ? t("responders.rules.close") : t("responders.rules.edit")}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ id: rule.id, input: { active: !rule.active } })}
        >
          {rule.active ? t("responders.rules.disable") : t("responders.rules.enable")}
        </button>
      </div>
      {toggle.error ? <ErrorAlert>{errorText(t, toggle.error)}</ErrorAlert> : null}
      {editing ? <RuleForm rule={rule} onSaved={() => onEdit(false)} /> : null}
    </li>
  );
}

export function RuleList({
  rules,
  editing,
  onEdit,
}: {
  rules: RoutingRuleView[];
  editing: string | null;
  onEdit: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const ordinary = rules.filter((r) => !r.isDefault);
  const defaults = rules.filter((r) => r.isDefault);
  const card = (rule: RoutingRuleView) => (
    <RuleCard
      key={rule.id}
      rule={rule}
      editing={editing === rule.id}
      onEdit={(on) => onEdit(on ? rule.id : null)}
    />
  );
  if (rules.length === 0) return <p className="muted">{t("responders.rules.none")}</p>;
  return (
    <>
      <h2>{t("responders.rules.ordered")}</h2>
      <ol className="responder-list">{ordinary.map(card)}</ol>
      <h2>{t("responders.rules.defaults")}</h2>
      <p className="muted">
        {defaults.length === 0 ? t("responders.rules.noDefault") : t("responders.rules.defaultsIntro")}
      </p>
      <ol className="responder-list">{defaults.map(card)}</ol>
    </>
  );
}
