// The fields of an activity, shared by recording one and editing it: type, title, date, place, the
// dialogue details (group, officials, unarmed officers, issues raised, action points) and notes.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  ACTIVITY_TYPES,
  DIALOGUE_GROUPS,
  PEACE_ACTION_KINDS,
} from "../../../common/contracts/programmes-vocabulary.ts";
import type { PlaceRef } from "../../api/types.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import type { ActivityFormValues } from "./activity-form.ts";
import { DateField, TextAreaField } from "./form-fields.tsx";
import { PlaceField } from "./place-field.tsx";

/** Fields whose errors are shown beside them (for formAlertText). */
export const ACTIVITY_FIELDS = [
  "projectId",
  "type",
  "title",
  "heldOn",
  "placeId",
  "notes",
  "peaceActionKind",
  "dialogue",
];

type Setter = (key: keyof ActivityFormValues) => (value: string) => void;

function DialogueFields({ v, set }: { v: ActivityFormValues; set: Setter }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t("programmes.dialogueDetails")}</legend>
      <SelectField
        label={t("programmes.dialogueGroup")}
        value={v.group}
        onChange={set("group")}
        options={DIALOGUE_GROUPS.map((g) => ({ value: g, label: t(`programmes.groups.${g}`) }))}
      />
      <TextField
        label={t("programmes.facilitators")}
        hint={t("programmes.commaHint")}
        value={v.facilitators}
        onChange={set("facilitators")}
      />
      <TextField
        label={t("programmes.officialsPresent")}
        hint={t("programmes.officialsHint")}
        value={v.officialsPresent}
        onChange={set("officialsPresent")}
      />
      <SelectField
        label={t("programmes.officersUnarmed")}
        value={v.officersUnarmed}
        onChange={set("officersUnarmed")}
        options={[
          { value: "", label: t("programmes.notRecorded") },
          { value: "yes", label: t("common.yes") },
          { value: "no", label: t("common.no") },
        ]}
      />
      <TextField
        label={t("programmes.topics")}
        hint={t("programmes.commaHint")}
        value={v.topics}
        onChange={set("topics")}
      />
      <TextAreaField
        label={t("programmes.issuesRaised")}
        hint={t("programmes.lineHint")}
        value={v.issuesRaised}
        onChange={set("issuesRaised")}
      />
      <TextAreaField
        label={t("programmes.actionPoints")}
        hint={t("programmes.actionPointsHint")}
        value={v.actionPoints}
        onChange={set("actionPoints")}
      />
    </fieldset>
  );
}

interface ActivityFieldsProps {
  v: ActivityFormValues;
  set: Setter;
  place: PlaceRef | null;
  setPlace: (place: PlaceRef | null) => void;
  /** The project's area, named in the place hint. */
  projectArea: string;
  errors: Record<string, string>;
  /** Shown after the type: a project picker when editing. */
  children?: ReactNode;
}

export function ActivityFields({
  v,
  set,
  place,
  setPlace,
  projectArea,
  errors,
  children,
}: ActivityFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t("programmes.activityType")}
        value={v.type}
        onChange={set("type")}
        options={ACTIVITY_TYPES.map((type) => ({
          value: type,
          label: t(`programmes.activityTypes.${type}`),
        }))}
        error={errors.type}
      />
      {v.type === "peace_action" ? (
        <SelectField
          label={t("programmes.peaceActionKind")}
          value={v.peaceActionKind}
          onChange={set("peaceActionKind")}
          options={[
            { value: "", label: t("programmes.notRecorded") },
            ...PEACE_ACTION_KINDS.map((k) => ({ value: k, label: t(`programmes.peaceActionKinds.${k}`) })),
          ]}
          error={errors.peaceActionKind}
        />
      ) : null}
      {children}
      <TextField
        label={t("programmes.activityTitle")}
        value={v.title}
        onChange={set("title")}
        error={errors.title}
      />
      <DateField
        label={t("programmes.heldOn")}
        value={v.heldOn}
        onChange={set("heldOn")}
        error={errors.heldOn}
      />
      <PlaceField
        label={t("programmes.activityPlace")}
        hint={t("programmes.activityPlaceHint", { area: projectArea })}
        value={place}
        onChange={setPlace}
        error={errors.placeId}
      />
      {v.type === "dialogue_session" ? <DialogueFields v={v} set={set} /> : null}
      <TextAreaField
        label={t("programmes.notes")}
        value={v.notes}
        onChange={set("notes")}
        error={errors.notes}
      />
    </>
  );
}
