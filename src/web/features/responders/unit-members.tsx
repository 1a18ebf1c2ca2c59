// The members of a unit: add people found by name, mark supervisors, remove, then save the whole list.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResponderUnitView } from "../../../common/contracts/cases.ts";
import { errorText } from "../../ui/error-text.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { useUsers } from "../users/user-queries.ts";
import { useSetMembers } from "./responder-queries.ts";

interface Member {
  userId: string;
  name: string;
  email: string;
  supervisor: boolean;
}

function FindUser({ chosen, onAdd }: { chosen: ReadonlySet<string>; onAdd: (member: Member) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const q = useDebouncedValue(query).trim();
  const users = useUsers({ q, role: "", organisationId: "" });
  const found = q.length >= 2 ? (users.data?.users ?? []) : [];
  return (
    <div>
      <TextField
        label={t("responders.membersForm.find")}
        hint={t("responders.membersForm.findHint")}
        type="search"
        value={query}
        onChange={setQuery}
        autoComplete="off"
      />
      {q.length >= 2 && users.isError ? <ErrorAlert>{errorText(t, users.error)}</ErrorAlert> : null}
      {q.length >= 2 && users.isSuccess && found.length === 0 ? (
        <p role="status" className="muted">
          {t("responders.membersForm.noMatches")}
        </p>
      ) : null}
      <ul className="search-results">
        {found.slice(0, 10).map((user) => (
          <li key={user.id}>
            <span>
              {user.name} <span className="muted">· {user.email}</span>
            </span>
            <button
              type="button"
              className="button-small"
              disabled={chosen.has(user.id)}
              aria-label={t("responders.membersForm.addNamed", { name: user.name })}
              onClick={() =>
                onAdd({ userId: user.id, name: user.name, email: user.email, supervisor: false })
              }
            >
              {t("responders.membersForm.add")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function UnitMembers({ unit }: { unit: ResponderUnitView }) {
  const { t } = useTranslation();
  const save = useSetMembers(unit.id);
  const [members, setMembers] = useState<Member[]>(unit.members);
  const change = (userId: string, supervisor: boolean) =>
    setMembers(members.map((m) => (m.userId === userId ? { ...m, supervisor } : m)));
  return (
    <section
      className="responder-members"
      aria-label={t("responders.membersForm.title", { name: unit.name })}
    >
      <p className="muted">{t("responders.membersForm.intro")}</p>
      {members.length === 0 ? <p>{t("responders.directory.noMembers")}</p> : null}
      <ul className="plain-list">
        {members.map((m) => (
          <li key={m.userId} className="responder-member">
            <span>
              {m.name} <span className="muted">· {m.email}</span>
            </span>
            <label>
              <input
                type="checkbox"
                checked={m.supervisor}
                onChange={(event) => change(m.userId, event.target.checked)}
              />{" "}
              {t("responders.membersForm.supervisor")}
            </label>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={t("responders.membersForm.removeNamed", { name: m.name })}
              onClick={() => setMembers(members.filter((x) => x.userId !== m.userId))}
            >
              {t("responders.membersForm.remove")}
            </button>
          </li>
        ))}
      </ul>
      <FindUser chosen={new Set(members.map((m) => m.userId))} onAdd={(m) => setMembers([...members, m])} />
      {save.error ? <ErrorAlert>{errorText(t, save.error)}</ErrorAlert> : null}
      {save.isSuccess ? <SuccessNotice>{t("responders.membersForm.saved")}</SuccessNotice> : null}
      <button
        type="button"
        disabled={save.isPending}
        onClick={() => save.mutate(members.map((m) => ({ userId: m.userId, supervisor: m.supervisor })))}
      >
        {save.isPending ? t("common.saving") : t("responders.membersForm.save")}
      </button>
    </section>
  );
}
