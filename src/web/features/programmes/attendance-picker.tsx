// Fast attendance: tick people from the register of the activity's place, find others as you type,
// add newcomers on the spot, and count heads where names cannot be taken.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ParticipantView } from "../../../common/contracts/programmes-views.ts";
import {
  AGE_BANDS,
  DISABILITY_ANSWERS,
  GENDERS,
  PARTICIPANT_ROLES,
} from "../../../common/contracts/programmes-vocabulary.ts";
import type { PlaceRef } from "../../api/types.ts";
import { CheckboxField, SelectField, TextField } from "../../ui/fields.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { type Attendance, attendanceTotal, type NewPersonDraft } from "./activity-form.ts";
import { useParticipants } from "./programme-queries.ts";

interface Props {
  /** The project's organisation: only its registry can attend its activities. */
  organisationId: string;
  place: PlaceRef | null;
  value: Attendance;
  onChange: (value: Attendance) => void;
}

const personLabel = (p: ParticipantView) => (p.name ? `${p.name} (${p.code})` : p.code);

function Register({ organisationId, place, value, onChange }: Props & { place: PlaceRef }) {
  const { t } = useTranslation();
  const register = useParticipants(organisationId, "", place.id, true);
  // A register reads by name; people without one (consent withdrawn, never given) sort by code.
  const people = [...(register.data?.participants ?? [])].sort((a, b) =>
    personLabel(a).localeCompare(personLabel(b)),
  );
  const toggle = (person: ParticipantView, on: boolean) => {
    const present = new Map(value.present);
    if (on) present.set(person.id, person);
    else present.delete(person.id);
    onChange({ ...value, present });
  };
  return (
    <fieldset className="field register">
      <legend>{t("programmes.registerOf", { place: place.name })}</legend>
      {register.data && people.length === 0 ? <p className="muted">{t("programmes.registerEmpty")}</p> : null}
      <div className="checkbox-options register-list">
        {people.map((person) => (
          <label key={person.id} className="checkbox-option">
            <input
              type="checkbox"
              checked={value.present.has(person.id)}
              onChange={(event) => toggle(person, event.target.checked)}
            />
            {personLabel(person)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Search({ organisationId, value, onChange }: Omit<Props, "place">) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const settled = useDebouncedValue(query.trim(), 200);
  const found = useParticipants(organisationId, settled, "", settled.length >= 2);
  const results = settled.length >= 2 ? (found.data?.participants ?? []) : [];
  const add = (person: ParticipantView) => {
    onChange({ ...value, present: new Map(value.present).set(person.id, person) });
    setQuery("");
  };
  return (
    <div className="field">
      <TextField
        label={t("programmes.findPerson")}
        hint={t("programmes.findPersonHint")}
        type="search"
        value={query}
        onChange={setQuery}
        autoComplete="off"
      />
      {settled.length >= 2 && found.data && results.length === 0 ? (
        <p role="status" className="muted">
          {t("programmes.nobodyFound", { q: settled })}
        </p>
      ) : null}
      {results.length > 0 ? (
        <ul className="search-results" aria-label={t("programmes.peopleFound")}>
          {results.map((person) => (
            <li key={person.id}>
              <span>
                {personLabel(person)} <span className="muted">· {person.placeName}</span>
              </span>
              <button
                type="button"
                className="button-small"
                disabled={value.present.has(person.id)}
                aria-label={t("programmes.markPresentNamed", { name: personLabel(person) })}
                onClick={() => add(person)}
              >
                {t("programmes.markPresent")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const EMPTY_PERSON = {
  name: "",
  phone: "",
  gender: "female",
  ageBand: "18_24",
  role: "community",
  disability: "no",
};

function NewPersonForm({ value, onChange }: Pick<Props, "value" | "onChange">) {
  const { t } = useTranslation();
  const [person, setPerson] = useState(EMPTY_PERSON);
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const set = (key: keyof typeof EMPTY_PERSON) => (v: string) => setPerson((old) => ({ ...old, [key]: v }));
  const add = () => {
    if (!consent) return setProblem(t("programmes.consentNeeded"));
    const draft: NewPersonDraft = { ...person, key: `new-${Date.now()}-${value.newPeople.length}` };
    onChange({ ...value, newPeople: [...value.newPeople, draft] });
    setPerson(EMPTY_PERSON);
    setConsent(false);
    setProblem(undefined);
  };
  const options = (values: readonly string[], scope: string) =>
    values.map((v) => ({ value: v, label: t(`programmes.${scope}.${v}`) }));
  return (
    <fieldset className="field new-person">
      <legend>{t("programmes.addNewPerson")}</legend>
      <p className="hint">{t("programmes.addNewPersonHint")}</p>
      <div className="field-row">
        <TextField
          label={t("programmes.personName")}
          value={person.name}
          onChange={set("name")}
          autoComplete="off"
        />
        <TextField
          label={t("programmes.personPhone")}
          value={person.phone}
          onChange={set("phone")}
          autoComplete="off"
        />
      </div>
      <div className="field-row">
        <SelectField
          label={t("programmes.gender")}
          value={person.gender}
          onChange={set("gender")}
          options={options(GENDERS, "genders")}
        />
        <SelectField
          label={t("programmes.ageBand")}
          value={person.ageBand}
          onChange={set("ageBand")}
          options={options(AGE_BANDS, "ageBands")}
        />
        <SelectField
          label={t("programmes.participantRole")}
          value={person.role}
          onChange={set("role")}
          options={options(PARTICIPANT_ROLES, "participantRoles")}
        />
        <SelectField
          label={t("programmes.disabilityQuestion")}
          value={person.disability}
          onChange={set("disability")}
          options={options(DISABILITY_ANSWERS, "disability")}
        />
      </div>
      <CheckboxField
        label={t("programmes.consentGiven")}
        checked={consent}
        onChange={setConsent}
        error={problem}
      />
      <button type="button" className="button-secondary" onClick={add}>
        {t("programmes.addToAttendance")}
      </button>
    </fieldset>
  );
}

function HeadCounts({ value, onChange }: Pick<Props, "value" | "onChange">) {
  const { t } = useTranslation();
  const set = (key: keyof Attendance["heads"]) => (v: string) =>
    onChange({ ...value, heads: { ...value.heads, [key]: v } });
  return (
    <fieldset className="field">
      <legend>{t("programmes.headCounts")}</legend>
      <p className="hint">{t("programmes.headCountsHint")}</p>
      <div className="field-row">
        <TextField
          label={t("programmes.genders.female")}
          type="number"
          min={0}
          value={value.heads.female}
          onChange={set("female")}
        />
        <TextField
          label={t("programmes.genders.male")}
          type="number"
          min={0}
          value={value.heads.male}
          onChange={set("male")}
        />
        <TextField
          label={t("programmes.otherGenders")}
          type="number"
          min={0}
          value={value.heads.other}
          onChange={set("other")}
        />
      </div>
    </fieldset>
  );
}

function Present({ value, onChange }: Pick<Props, "value" | "onChange">) {
  const { t } = useTranslation();
  const removeKnown = (id: string) => {
    const present = new Map(value.present);
    present.delete(id);
    onChange({ ...value, present });
  };
  const removeNew = (key: string) =>
    onChange({ ...value, newPeople: value.newPeople.filter((p) => p.key !== key) });
  return (
    <section aria-labelledby="present-heading">
      <h3 id="present-heading" className="subheading" role="status">
        {t("programmes.presentCount", { count: attendanceTotal(value) })}
      </h3>
      <ul className="chips" aria-label={t("programmes.presentList")}>
        {[...value.present.values()].map((p) => (
          <li key={p.id} className="chip">
            <span>{personLabel(p)}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t("programmes.removeNamed", { name: personLabel(p) })}
              onClick={() => removeKnown(p.id)}
            >
              ×
            </button>
          </li>
        ))}
        {value.newPeople.map((p) => (
          <li key={p.key} className="chip chip-new">
            <span>
              {p.name || t("programmes.unnamedNewcomer")} <span className="badge">{t("programmes.new")}</span>
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t("programmes.removeNamed", { name: p.name || t("programmes.unnamedNewcomer") })}
              onClick={() => removeNew(p.key)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AttendancePicker({ organisationId, place, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <section className="card attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t("programmes.attendance")}</h2>
      <Present value={value} onChange={onChange} />
      {place ? (
        <Register organisationId={organisationId} place={place} value={value} onChange={onChange} />
      ) : (
        <p className="muted">{t("programmes.choosePlaceFirst")}</p>
      )}
      <Search organisationId={organisationId} value={value} onChange={onChange} />
      <NewPersonForm value={value} onChange={onChange} />
      <HeadCounts value={value} onChange={onChange} />
    </section>
  );
}
