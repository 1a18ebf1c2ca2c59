import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ROLES } from "../../../common/roles.ts";
import type { User } from "../../api/types.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { useOrganisations } from "../organisations/organisation-queries.ts";
import { useUsers } from "./user-queries.ts";

function UserFiltersBar(props: {
  q: string;
  role: string;
  organisationId: string;
  onQ: (v: string) => void;
  onRole: (v: string) => void;
  onOrganisation: (v: string) => void;
}) {
  const { t } = useTranslation();
  const organisations = useOrganisations().data?.organisations ?? [];
  return (
    <search className="filters">
      <TextField label={t("users.search")} type="search" value={props.q} onChange={props.onQ} />
      <SelectField
        label={t("users.roleFilter")}
        value={props.role}
        onChange={props.onRole}
        options={[
          { value: "", label: t("users.anyRole") },
          ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
        ]}
      />
      <SelectField
        label={t("users.organisationFilter")}
        value={props.organisationId}
        onChange={props.onOrganisation}
        options={[
          { value: "", label: t("users.anyOrganisation") },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
    </search>
  );
}

function UsersTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="muted">{t("users.noMatches")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("admin.users")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.roles")}</th>
            <th scope="col">{t("users.organisations")}</th>
            <th scope="col">{t("users.status")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
              </td>
              <td>{user.email}</td>
              <td>{user.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
              <td>{user.organisations.map((o) => o.name).join(", ")}</td>
              <td>{user.active ? t("users.active") : t("users.inactive")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [role, setRole] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const users = useUsers({ q: useDebouncedValue(q), role, organisationId });

  return (
    <>
      <div className="page-heading">
        <PageTitle>{t("admin.users")}</PageTitle>
        <Link to="/admin/users/new" className="button">
          {t("users.newUser")}
        </Link>
      </div>
      <UserFiltersBar
        q={q}
        role={role}
        organisationId={organisationId}
        onQ={setQ}
        onRole={setRole}
        onOrganisation={setOrganisationId}
      />
      {users.isPending ? <Loading /> : null}
      {users.isError ? <LoadError error={users.error} retry={() => void users.refetch()} /> : null}
      {users.data ? (
        <>
          <p role="status" className="muted">
            {t("users.count", { count: users.data.users.length })}
          </p>
          <UsersTable users={users.data.users} />
        </>
      ) : null}
    </>
  );
}
