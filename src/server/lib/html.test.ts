import { describe, expect, it } from "vitest";
import { escapeHtml, html, renderHtml, trustedHtml } from "./html.ts";

describe("the html template", () => {
  it("escapes interpolated text so that typed markup stays text", () => {
    const typed = `<script>alert("x")</script> & 'quotes'`;
    expect(renderHtml(html`<p>${typed}</p>`)).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>",
    );
  });

  it("escapes inside attribute values, so a value cannot close its quotes", () => {
    const value = `" onfocus="steal()`;
    expect(renderHtml(html`<input value="${value}">`)).toBe('<input value="&quot; onfocus=&quot;steal()">');
  });

  it("inserts nested templates and lists without escaping them twice", () => {
    const items = ["a<b", "c"].map((item) => html`<li>${item}</li>`);
    expect(renderHtml(html`<ul>${items}</ul>`)).toBe("<ul><li>a&lt;b</li><li>c</li></ul>");
  });

  it("renders nothing for null, undefined and false, and numbers as text", () => {
    expect(renderHtml(html`${null}${undefined}${false}${0}${true}`)).toBe("0true");
  });

  it("keeps emoji and any script unchanged", () => {
    expect(renderHtml(html`<p>${"Habari 👋 ሰላም مرحبا 你好"}</p>`)).toBe("<p>Habari 👋 ሰላም مرحبا 你好</p>");
  });

  it("inserts trusted markup as it is", () => {
    expect(renderHtml(html`<p>${trustedHtml("<b>bold</b>")}</p>`)).toBe("<p><b>bold</b></p>");
  });

  it("escapes a plain string without a template", () => {
    expect(escapeHtml("1 < 2 & 3 > 2")).toBe("1 &lt; 2 &amp; 3 &gt; 2");
  });
});
