import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page's one <h1>, mirrored in the browser tab so history and screen readers name the page. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const product = t("common.productName");
  useEffect(() => {
    document.title = `${children} · ${product}`;
  }, [children, product]);
  return <h1 id="page-title">{children}</h1>;
}
