// What can be done to a referral: the counsellor moves its status, either party records a follow-up,
// the referrer hands it to another counsellor.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  REFERRAL_TRANSITIONS,
  type ReferralView,
  STATUSES_NEEDING_REASON,
} from "../../../common/contracts/referrals.ts";
import { ApiError } from "../../api/client.ts";
import { errorText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { DateField, TextAreaField } from "../programmes/form-fields.tsx";
import { useAddFollowUp, useChangeStatus, useCounsellors, useReassign } from "./referral-queries.ts";

const fieldOf = (error: unknown, path: string) =>
  error instanceof ApiError ? error.fields.find((f) => f.path === path)?.message : undefined;

export function StatusActions({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const change = useChangeStatus(referral.id);
  const [reason, setReason] = useState("");
  const moves = REFERRAL_TRANSITIONS[referral.status];
  if (moves.length === 0) return null;
  if (referral.myRole === "referrer") return <p className="muted">{t("referrals.onlyCounsellorMoves")}</p>;
  return (
    <div>
      {change.isError ? <ErrorAlert>{errorText(t, change.error)}</ErrorAlert> : null}
      {moves.some((m) => STATUSES_NEEDING_REASON.includes(m)) ? (
        <TextField
          label={t("referrals.moveReason")}
          value={reason}
          onChange={setReason}
          error={fieldOf(change.error, "reason")}
        />
      ) : null}
      <div className="referral-actions">
        {moves.map((status) => (
          <button
            key={status}
            type="button"
            className={STATUSES_NEEDING_REASON.includes(status) ? "button-secondary" : undefined}
            disabled={change.isPending}
            onClick={() =>
              change.mutate({
                status,
                reason: STATUSES_NEEDING_REASON.includes(status) ? reason || undefined : undefined,
              })
            }
          >
            {t("referrals.moveTo", { status: t(`referrals.statuses.${status}`) })}
          </button>
        ))}
      </div>
    </div>
  );
}

export function FollowUpForm({ referral, today }: { referral: ReferralView; today: string }) {
  const { t } = useTranslation();
  const add = useAddFollowUp(referral.id);
  const [heldOn, setHeldOn] = useState(today);
  const [note, setNote] = useState("");
  const [next, setNext] = useState("");
  if (REFERRAL_TRANSITIONS[referral.status].length === 0) return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { heldOn, note, nextFollowUpOn: next || null },
      {
        onSuccess: () => {
          setNote("");
          setNext("");
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-follow-up">
      <h3 id="add-follow-up">{t("referrals.addFollowUp")}</h3>
      {add.isError ? <ErrorAlert>{errorText(t, add.error)}</ErrorAlert> : null}
      <DateField
        label={t("referrals.heldOn")}
        value={heldOn}
        onChange={setHeldOn}
        error={fieldOf(add.error, "heldOn")}
      />
      <TextAreaField
        label={t("referrals.note")}
        value={note}
        onChange={setNote}
        error={fieldOf(add.error, "note")}
      />
      <DateField
        label={`${t("referrals.nextDate")} (${t("common.optional")})`}
        value={next}
        onChange={setNext}
        error={fieldOf(add.error, "nextFollowUpOn")}
      />
      <button type="submit" disabled={add.isPending}>
        {t("referrals.saveFollowUp")}
      </button>
    </form>
  );
}

export function Reassign({ referral, projectId }: { referral: ReferralView; projectId: string }) {
  const { t } = useTranslation();
  const counsellors = useCounsellors(projectId, referral.myRole !== "counsellor");
  const reassign = useReassign(referral.id);
  const [counsellorId, setCounsellorId] = useState("");
  if (referral.myRole === "counsellor" || REFERRAL_TRANSITIONS[referral.status].length === 0) return null;
  const others = (counsellors.data?.counsellors ?? []).filter((c) => c.id !== referral.counsellor.id);
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="reassign-heading" className="card">
      <h2 id="reassign-heading">{t("referrals.reassign")}</h2>
      {reassign.isError ? <ErrorAlert>{errorText(t, reassign.error)}</ErrorAlert> : null}
      {reassign.isSuccess ? (
        <SuccessNotice>
          {t("referrals.reassigned", { name: reassign.data.referral.counsellor.name })}
        </SuccessNotice>
      ) : null}
      <SelectField
        label={t("referrals.counsellor")}
        value={counsellorId}
        onChange={setCounsellorId}
        options={[
          { value: "", label: t("referrals.chooseCounsellor") },
          ...others.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <button
        type="button"
        disabled={!counsellorId || reassign.isPending}
        onClick={() => reassign.mutate({ counsellorId })}
      >
        {t("referrals.reassignButton")}
      </button>
    </section>
  );
}
