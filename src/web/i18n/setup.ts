import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../common/taxonomy.ts";
import { en } from "./en.ts";
import { sw } from "./sw.ts";

const LOCALE_STORAGE_KEY = "baraza.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device before sign-in; storage can be unavailable (private mode). */
export function storedLocale(storage: Pick<Storage, "getItem"> | undefined): Locale | undefined {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLocale(storage: Pick<Storage, "setItem"> | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Nothing to do: the choice still applies for this visit.
  }
}

/** Kiswahili-first devices get Kiswahili; everyone else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  const first = languages.find((l) => isLocale(l.slice(0, 2).toLowerCase()));
  return first?.slice(0, 2).toLowerCase() === "sw" ? "sw" : "en";
}

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    resources: { en: { translation: en }, sw: { translation: sw } },
    lng: locale,
    fallbackLng: "en",
    supportedLngs: LOCALES,
    initAsync: false,
    // React escapes text already.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
