// Pick a registered participant by typing part of a name or their code. Once chosen, the referral
// shows them by pseudonymous code only.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../ui/fields.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { useParticipants } from "../programmes/programme-queries.ts";

interface Props {
  organisationId: string;
  value: { id: string; label: string } | null;
  onChange: (value: { id: string; label: string } | null) => void;
  error?: string | undefined;
}

export function ParticipantChooser({ organisationId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const settled = useDebouncedValue(query).trim();
  const search = useParticipants(organisationId, settled, "", settled.length >= 2 && organisationId !== "");
  if (value)
    return (
      <div className="field">
        <p>
          {t("referrals.chosen", { label: value.label })}{" "}
          <button type="button" className="button-small button-secondary" onClick={() => onChange(null)}>
            {t("referrals.change")}
          </button>
        </p>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    );
  const found = settled.length >= 2 ? (search.data?.participants ?? []) : [];
  return (
    <div className="field">
      <TextField
        label={t("referrals.findParticipant")}
        type="search"
        value={query}
        onChange={setQuery}
        error={error}
        autoComplete="off"
      />
      {settled.length >= 2 && search.data && found.length === 0 ? (
        <p className="muted">{t("referrals.noMatches")}</p>
      ) : null}
      <ul className="plain-list">
        {found.map((p) => {
          const label = p.name ? `${p.name} (${p.code})` : p.code;
          return (
            <li key={p.id}>
              <button
                type="button"
                className="button-small button-secondary"
                onClick={() => onChange({ id: p.id, label: p.code })}
              >
                {t("referrals.choose", { label })}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
