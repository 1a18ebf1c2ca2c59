// Create or edit a routing rule: conditions (category, urgency, place), the kinds of unit it
// sends to, whether it is a default rule and whether it is enabled.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResponderUnitKind, RoutingRuleView } from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { formAlertText } from "../../ui/error-text.ts";
import { CheckboxField, CheckboxGroup, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { PlacePicker } from "../places/place-picker.tsx";
import { placeRefOf, useOptions } from "./responder-bits.tsx";
import { useSaveRule } from "./responder-queries.ts";

const FIELDS = [
  "name",
  "priority",
  "categories",
  "urgencies",
  "placeId",
  "targetKinds",
  "isDefault",
  "active",
];
const CONFLICT_SAFE: readonly string[] = ["oversight", "programme"];

export function RuleForm({ rule, onSaved }: { rule?: RoutingRuleView; onSaved?: () => void }) {
  const { t } = useTranslation();
  const options = useOptions();
  const save = useSaveRule();
  const [name, setName] = useState(rule?.name ?? "");
  const [priority, setPriority] = useState(String(rule?.priority ?? 100));
  const [categories, setCategories] = useState<string[]>(rule?.categories ?? []);
  const [urgencies, setUrgencies] = useState<string[]>(rule?.urgencies ?? []);
  const [place, setPlace] = useState<PlaceRef[]>(rule?.place ? [placeRefOf(rule.place)] : []);
  const [targets, setTargets] = useState<string[]>(rule?.targetKinds ?? []);
  const [isDefault, setIsDefault] = useState(rule?.isDefault ?? false);
  const [active, setActive] = useState(rule?.active ?? true);
  const errors = fieldErrorsOf(save.error);
  const conflictWarning =
    categories.includes("police_misconduct") && targets.some((k) => !CONFLICT_SAFE.includes(k));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: name.trim(),
      priority: Number.parseInt(priority, 10),
      categories: categories as CategoryCode[],
      urgencies: urgencies as Urgency[],
      placeId: place[0]?.id ?? null,
      targetKinds: targets as ResponderUnitKind[],
      isDefault,
      active,
    };
    save.mutate(
      { id: rule?.id, input },
      {
        onSuccess: () => {
          if (!rule) {
            setName("");
            setCategories([]);
            setUrgencies([]);
            setPlace([]);
            setTargets([]);
            setIsDefault(false);
          }
          onSaved?.();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="responder-form">
      <TextField
        label={t("responders.ruleForm.name")}
        hint={t("responders.ruleForm.nameHint")}
        value={name}
        onChange={setName}
        error={errors.name}
      />
      <TextField
        label={t("responders.ruleForm.priority")}
        hint={t("responders.ruleForm.priorityHint")}
        type="number"
        inputMode="numeric"
        min={0}
        max={10000}
        value={priority}
        onChange={setPriority}
        error={errors.priority}
      />
      <CheckboxGroup
        legend={t("responders.ruleForm.categories")}
        hint={t("responders.ruleForm.categoriesHint")}
        options={options.categories}
        selected={categories}
        onChange={setCategories}
        error={errors.categories}
      />
      <CheckboxGroup
        legend={t("responders.ruleForm.urgencies")}
        hint={t("responders.ruleForm.urgenciesHint")}
        options={options.urgencies}
        selected={urgencies}
        onChange={setUrgencies}
        error={errors.urgencies}
      />
      <PlacePicker
        legend={t("responders.ruleForm.place")}
        hint={t("responders.ruleForm.placeHint")}
        selected={place}
        onChange={(chosen) => setPlace(chosen.slice(-1))}
        error={errors.placeId}
      />
      <CheckboxGroup
        legend={t("responders.ruleForm.targets")}
        options={options.kinds}
        selected={targets}
        onChange={setTargets}
        error={errors.targetKinds}
      />
      {conflictWarning ? (
        <p className="notice notice-warning">{t("responders.ruleForm.conflictWarning")}</p>
      ) : null}
      <CheckboxField label={t("responders.ruleForm.isDefault")} checked={isDefault} onChange={setIsDefault} />
      <CheckboxField label={t("responders.ruleForm.active")} checked={active} onChange={setActive} />
      {save.error ? <ErrorAlert>{formAlertText(t, save.error, FIELDS)}</ErrorAlert> : null}
      {save.isSuccess && !rule ? (
        <SuccessNotice>{t("responders.ruleForm.created", { name: save.data.rule.name })}</SuccessNotice>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {save.isPending
          ? t("common.saving")
          : rule
            ? t("responders.ruleForm.save")
            : t("responders.ruleForm.create")}
      </button>
    </form>
  );
}
