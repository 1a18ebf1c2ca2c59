// Roles, organisations, areas and the identity grant: shared by the create form and the edit form.
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../common/roles.ts";
import { CheckboxField, CheckboxGroup } from "../../ui/fields.tsx";
import { useOrganisations } from "../organisations/organisation-queries.ts";
import { PlacePicker } from "../places/place-picker.tsx";
import { revealConflicts, type UserAccess } from "./user-access.ts";

interface UserAccessFieldsProps {
  value: UserAccess;
  onChange: (value: UserAccess) => void;
  errors: Record<string, string>;
}

export function UserAccessFields({ value, onChange, errors }: UserAccessFieldsProps) {
  const { t } = useTranslation();
  const organisations = useOrganisations().data?.organisations ?? [];
  const update = (patch: Partial<UserAccess>) => onChange({ ...value, ...patch });
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <>
      <CheckboxGroup
        legend={t("users.roles")}
        options={roleOptions}
        selected={value.roles}
        onChange={(roles) => update({ roles: ROLES.filter((r) => roles.includes(r)) })}
        error={errors.roles}
      />
      <CheckboxGroup
        legend={t("users.organisations")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        selected={value.organisationIds}
        onChange={(organisationIds) => update({ organisationIds })}
        error={errors.organisationIds}
      />
      <PlacePicker
        legend={t("users.places")}
        hint={t("users.placesHint")}
        selected={value.places}
        onChange={(places) => update({ places })}
        error={errors.placeIds}
      />
      <CheckboxField
        label={t("users.canRevealIdentity")}
        hint={t("users.canRevealIdentityHint")}
        checked={value.canRevealIdentity}
        onChange={(canRevealIdentity) => update({ canRevealIdentity })}
        error={errors.canRevealIdentity ?? (revealConflicts(value) ? t("users.revealConflict") : undefined)}
      />
    </>
  );
}
