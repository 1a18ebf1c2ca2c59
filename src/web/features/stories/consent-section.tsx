// A story's consent for publication: who gave it, how, when and for what use, and its withdrawal.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CONSENT_METHODS,
  type ConsentMethod,
  STORY_USES,
  type StoryUse,
  type StoryView,
} from "../../../common/contracts/stories-views.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { DateField } from "../programmes/form-fields.tsx";
import { storyKeys } from "./story-queries.ts";

const today = () => new Date().toISOString().slice(0, 10);

function useStoryMutation(storyId: string, path: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<{ story: StoryView }>(`/api/stories/${storyId}/${path}`, body),
    onSuccess: (result) => {
      queryClient.setQueryData(storyKeys.story(storyId), result);
      void queryClient.invalidateQueries({ queryKey: storyKeys.all });
    },
  });
}

function ConsentForm({ story }: { story: StoryView }) {
  const { t } = useTranslation();
  const [givenBy, setGivenBy] = useState("");
  const [method, setMethod] = useState<ConsentMethod>("written");
  const [witness, setWitness] = useState("");
  const [givenOn, setGivenOn] = useState(today());
  const [scope, setScope] = useState<StoryUse>("internal");
  const record = useStoryMutation(story.id, "consent");
  const errors = fieldErrorsOf(record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ givenBy, method, givenOn, scope, ...(method === "verbal_witnessed" && { witness }) });
  };
  return (
    <form onSubmit={submit} className="stack" noValidate aria-label={t("stories.recordConsent")}>
      <TextField
        label={t("stories.consentGivenBy")}
        hint={t("stories.consentGivenByHint")}
        value={givenBy}
        onChange={setGivenBy}
        error={errors.givenBy}
      />
      <SelectField
        label={t("stories.consentMethod")}
        value={method}
        onChange={(v) => setMethod(v as ConsentMethod)}
        options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`stories.consentMethods.${m}`) }))}
      />
      {method === "verbal_witnessed" ? (
        <TextField
          label={t("stories.consentWitness")}
          hint={t("stories.consentWitnessHint")}
          value={witness}
          onChange={setWitness}
          error={errors.witness}
        />
      ) : null}
      <DateField
        label={t("stories.consentGivenOn")}
        value={givenOn}
        onChange={setGivenOn}
        error={errors.givenOn}
      />
      <SelectField
        label={t("stories.consentScope")}
        value={scope}
        onChange={(v) => setScope(v as StoryUse)}
        options={STORY_USES.map((u) => ({ value: u, label: t(`stories.uses.${u}`) }))}
      />
      {record.error ? (
        <ErrorAlert>
          {formAlertText(t, record.error, ["givenBy", "witness", "givenOn", "method", "scope"])}
        </ErrorAlert>
      ) : null}
      {record.isSuccess ? <SuccessNotice>{t("stories.consentRecorded")}</SuccessNotice> : null}
      <button type="submit" disabled={record.isPending}>
        {story.consent && !story.consentWithdrawn ? t("stories.replaceConsent") : t("stories.recordConsent")}
      </button>
    </form>
  );
}

function WithdrawForm({ story }: { story: StoryView }) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const withdraw = useStoryMutation(story.id, "consent/withdraw");
  return (
    <details>
      <summary>{t("stories.withdrawConsent")}</summary>
      <TextField
        label={t("stories.withdrawalNote")}
        hint={t("stories.withdrawalNoteHint")}
        value={note}
        onChange={setNote}
      />
      {withdraw.error ? <ErrorAlert>{formAlertText(t, withdraw.error, [])}</ErrorAlert> : null}
      <button
        type="button"
        className="button-danger"
        disabled={withdraw.isPending}
        onClick={() => withdraw.mutate(note.trim() ? { note } : {})}
      >
        {t("stories.confirmWithdraw")}
      </button>
    </details>
  );
}

export function ConsentSection({ story }: { story: StoryView }) {
  const { t } = useTranslation();
  const c = story.consent;
  return (
    <section className="card" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t("stories.consent")}</h2>
      {c ? (
        <dl className="details">
          <dt>{t("stories.consentGivenBy")}</dt>
          <dd>{c.givenBy}</dd>
          <dt>{t("stories.consentMethod")}</dt>
          <dd>
            {t(`stories.consentMethods.${c.method}`)}
            {c.witness ? ` (${t("stories.consentWitness")}: ${c.witness})` : ""}
          </dd>
          <dt>{t("stories.consentGivenOn")}</dt>
          <dd>{c.givenOn}</dd>
          <dt>{t("stories.consentScope")}</dt>
          <dd>{t(`stories.uses.${c.scope}`)}</dd>
        </dl>
      ) : (
        <p className="notice notice-warning">{t("stories.noConsent")}</p>
      )}
      {c?.withdrawnOn ? (
        <p className="notice notice-warning">
          {t("stories.consentWithdrawnOn", { date: c.withdrawnOn })}
          {c.withdrawalNote ? ` ${c.withdrawalNote}` : ""}
        </p>
      ) : null}
      {story.canEdit ? (
        <>
          {c && !c.withdrawnOn ? <WithdrawForm story={story} /> : null}
          <details open={!c || Boolean(c.withdrawnOn)}>
            <summary>
              {c && !c.withdrawnOn ? t("stories.replaceConsent") : t("stories.recordConsent")}
            </summary>
            <ConsentForm story={story} />
          </details>
        </>
      ) : null}
    </section>
  );
}
