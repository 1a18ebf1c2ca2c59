// Resident text reaches staff with names, numbers and e-mails replaced by markers such as
// "[phone hidden]" (server: src/server/lib/identity-in-text.ts). Wherever such text is shown, a
// short note says why, and that only the audited reveal shows the original.
import { useTranslation } from "react-i18next";

const MARKER = /\[(?:name|phone|e-mail|ID number|passage) hidden\]/;

/** Whether any of these texts has something hidden in it. */
export function hasHiddenIdentity(...texts: readonly (string | null | undefined)[]): boolean {
  return texts.some((text) => text !== null && text !== undefined && MARKER.test(text));
}

export function HiddenIdentityNote() {
  const { t } = useTranslation();
  return (
    <p className="muted hidden-identity-note" role="note">
      {t("common.identityHidden")}
    </p>
  );
}
