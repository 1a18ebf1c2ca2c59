import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n/setup.ts";
import { ComingSoon } from "./coming-soon.tsx";

function render(locale: "en" | "sw", area: "maps" | "reports") {
  const i18n = createI18n(locale);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(ComingSoon, { area })));
}

describe("the coming-soon panel", () => {
  it("names the area and says plainly what it will hold", () => {
    const html = render("en", "maps");
    expect(html).toContain("<h1");
    expect(html).toContain(">Maps</h1>");
    expect(html).toContain("Coming in a later release");
    expect(html).toContain("hotspot map of reports");
  });

  it("speaks Kiswahili when the interface does", () => {
    const html = render("sw", "reports");
    expect(html).toContain(">Ripoti</h1>");
    expect(html).toContain("Inakuja katika toleo lijalo");
  });
});
