import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../common/taxonomy.ts";
import type { User } from "../api/types.ts";
import { isLocale, rememberLocale } from "../i18n/setup.ts";
import { useApi } from "./api-context.tsx";
import { useSession, useSessionActions } from "./session.ts";

function deviceStorage(): Storage | undefined {
  return typeof localStorage === "undefined" ? undefined : localStorage;
}

export function useLocale() {
  const { i18n } = useTranslation();
  const api = useApi();
  const session = useSession();
  const { replaceUser } = useSessionActions();
  const current: Locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";

  /** Applies at once; for a signed-in user it is also saved to their account, for next time anywhere. */
  async function switchTo(locale: Locale): Promise<void> {
    if (locale === current) return;
    rememberLocale(deviceStorage(), locale);
    await i18n.changeLanguage(locale);
    if (!session.data) return;
    const { user } = await api.patch<{ user: User }>("/api/auth/me", { locale });
    replaceUser(user);
  }

  return { current, switchTo };
}

/** The account's language wins over this device's choice once someone signs in. */
export function useApplyUserLocale(locale: Locale): void {
  const { i18n } = useTranslation();
  // The i18n object changes on every language switch; acting then would undo a switch still being saved.
  const applied = useRef<Locale | undefined>(undefined);
  useEffect(() => {
    if (applied.current === locale) return;
    applied.current = locale;
    rememberLocale(deviceStorage(), locale);
    if (i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);
}
