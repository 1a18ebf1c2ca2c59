// A new referral: the project and place, the person (a registered participant by search, or someone
// not registered), the kind of support, the counsellor, and the person's consent after the wording
// is read to them.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { AGE_BANDS, GENDERS } from "../../../common/contracts/programmes-vocabulary.ts";
import {
  type CreateReferralInput,
  REFERRAL_TYPES,
  REINTEGRATION_SUBTYPES,
  type ReferralType,
  type ReintegrationSubtype,
} from "../../../common/contracts/referrals.ts";
import { ApiError } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { formAlertText } from "../../ui/error-text.ts";
import { CheckboxField, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { DateField, TextAreaField } from "../programmes/form-fields.tsx";
import { PlaceField } from "../programmes/place-field.tsx";
import { useProgrammes } from "../programmes/programme-queries.ts";
import { ParticipantChooser } from "./participant-chooser.tsx";
import { useCounsellors, useCreateReferral } from "./referral-queries.ts";
import "./referrals.css";

const SHOWN_FIELDS = [
  "projectId",
  "placeId",
  "person",
  "type",
  "subtype",
  "reason",
  "consent",
  "counsellorId",
];

export function ReferralNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const create = useCreateReferral();
  const [projectId, setProjectId] = useState("");
  const [place, setPlace] = useState<PlaceRef | null>(null);
  const [registered, setRegistered] = useState(true);
  const [participant, setParticipant] = useState<{ id: string; label: string } | null>(null);
  const [person, setPerson] = useState({ name: "", phone: "", gender: "female", ageBand: "18_24" });
  const [type, setType] = useState<ReferralType>("trauma_counselling");
  const [subtype, setSubtype] = useState<ReintegrationSubtype>("leaving_gang");
  const [reason, setReason] = useState("");
  const [notes, setNotes] = useState("");
  const [counsellorId, setCounsellorId] = useState("");
  const [nextFollowUpOn, setNextFollowUpOn] = useState("");
  const [consent, setConsent] = useState(false);
  const counsellors = useCounsellors(projectId);
  const projects = (programmes.data?.programmes ?? []).flatMap((p) =>
    p.projects.map((project) => ({ ...project, organisationId: p.organisationId })),
  );
  const organisationId = projects.find((p) => p.id === projectId)?.organisationId ?? "";
  const fieldError = (path: string) =>
    create.error instanceof ApiError
      ? create.error.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      projectId,
      placeId: place?.id ?? "",
      person: registered
        ? { participantId: participant?.id ?? "" }
        : { ...person, phone: person.phone || undefined },
      type,
      subtype: type === "reintegration_support" ? subtype : undefined,
      reason,
      notes: notes || undefined,
      consent,
      counsellorId,
      nextFollowUpOn: nextFollowUpOn || undefined,
    } as CreateReferralInput;
    create.mutate(input, {
      onSuccess: ({ referral }) => navigate(`/referrals/${referral.id}`, { state: { made: true } }),
    });
  }

  const options = (values: readonly string[], scope: string) =>
    values.map((value) => ({ value, label: t(`${scope}.${value}`) }));
  return (
    <>
      <nav aria-label={t("programmes.breadcrumbs")} className="breadcrumbs">
        <Link to="/referrals">{t("referrals.title")}</Link>
      </nav>
      <PageTitle>{t("referrals.newReferral")}</PageTitle>
      <p className="lead">{t("referrals.intro")}</p>
      <form onSubmit={submit} noValidate className="card">
        {create.isError ? <ErrorAlert>{formAlertText(t, create.error, SHOWN_FIELDS)}</ErrorAlert> : null}
        <SelectField
          label={t("referrals.project")}
          value={projectId}
          onChange={(id) => {
            setProjectId(id);
            setCounsellorId("");
            setParticipant(null);
          }}
          options={[
            { value: "", label: t("referrals.chooseProject") },
            ...projects.map((p) => ({ value: p.id, label: `${p.name} (${p.placeName})` })),
          ]}
          error={fieldError("projectId")}
        />
        <PlaceField
          label={t("referrals.place")}
          value={place}
          onChange={setPlace}
          error={fieldError("placeId")}
        />
        <SelectField
          label={t("referrals.personKind")}
          value={registered ? "registered" : "new"}
          onChange={(v) => setRegistered(v === "registered")}
          options={[
            { value: "registered", label: t("referrals.personRegistered") },
            { value: "new", label: t("referrals.personNew") },
          ]}
        />
        {registered ? (
          <ParticipantChooser
            organisationId={organisationId}
            value={participant}
            onChange={setParticipant}
            error={fieldError("person")}
          />
        ) : (
          <>
            <TextField
              label={t("referrals.name")}
              value={person.name}
              onChange={(name) => setPerson({ ...person, name })}
              error={fieldError("person.name") ?? fieldError("person")}
              autoComplete="off"
            />
            <TextField
              label={`${t("referrals.phone")} (${t("common.optional")})`}
              value={person.phone}
              onChange={(phone) => setPerson({ ...person, phone })}
              error={fieldError("person.phone")}
              inputMode="tel"
              autoComplete="off"
            />
            <SelectField
              label={t("referrals.gender")}
              value={person.gender}
              onChange={(gender) => setPerson({ ...person, gender })}
              options={options(GENDERS, "programmes.genders")}
            />
            <SelectField
              label={t("referrals.ageBand")}
              value={person.ageBand}
              onChange={(ageBand) => setPerson({ ...person, ageBand })}
              options={options(AGE_BANDS, "programmes.ageBands")}
            />
          </>
        )}
        <SelectField
          label={t("referrals.type")}
          value={type}
          onChange={(v) => setType(v as ReferralType)}
          options={options(REFERRAL_TYPES, "referrals.types")}
        />
        {type === "reintegration_support" ? (
          <SelectField
            label={t("referrals.subtype")}
            value={subtype}
            onChange={(v) => setSubtype(v as ReintegrationSubtype)}
            options={options(REINTEGRATION_SUBTYPES, "referrals.subtypes")}
            error={fieldError("subtype")}
          />
        ) : null}
        <TextAreaField
          label={t("referrals.reason")}
          hint={t("referrals.reasonHint")}
          value={reason}
          onChange={setReason}
          error={fieldError("reason")}
        />
        <TextAreaField
          label={`${t("referrals.notes")} (${t("common.optional")})`}
          value={notes}
          onChange={setNotes}
        />
        <SelectField
          label={t("referrals.counsellor")}
          value={counsellorId}
          onChange={setCounsellorId}
          options={[
            { value: "", label: t("referrals.chooseCounsellor") },
            ...(counsellors.data?.counsellors ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          hint={counsellors.data?.counsellors.length === 0 ? t("referrals.noCounsellors") : undefined}
          error={fieldError("counsellorId")}
        />
        <DateField
          label={`${t("referrals.nextFollowUp")} (${t("common.optional")})`}
          value={nextFollowUpOn}
          onChange={setNextFollowUpOn}
          error={fieldError("nextFollowUpOn")}
        />
        <div className="consent-box">
          <p>
            <strong>{t("referrals.consentTitle")}</strong>
          </p>
          <p>{t("referrals.consentWording", { service: t("referrals.consentService") })}</p>
          <CheckboxField
            label={t("referrals.consent")}
            checked={consent}
            onChange={setConsent}
            error={fieldError("consent")}
          />
        </div>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t("referrals.making") : t("referrals.make")}
        </button>
      </form>
    </>
  );
}
