import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../../common/taxonomy.ts";
import { errorText } from "../ui/error-text.ts";
import { useLocale } from "./locale.ts";

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { current, switchTo } = useLocale();
  const [failure, setFailure] = useState<unknown>(undefined);

  const choose = (locale: (typeof LOCALES)[number]) => {
    setFailure(undefined);
    switchTo(locale).catch(setFailure);
  };

  return (
    <div className="language-switch">
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset cannot lay out inline in the header */}
      <div role="group" aria-label={t("language.label")} className="segmented">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={locale === current}
            onClick={() => choose(locale)}
          >
            {locale.toUpperCase()}
            <span className="visually-hidden"> {t(`language.${locale}`)}</span>
          </button>
        ))}
      </div>
      {failure ? (
        <p role="alert" className="field-error">
          {errorText(t, failure)}
        </p>
      ) : null}
    </div>
  );
}
