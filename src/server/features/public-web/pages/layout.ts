// The frame of every public page: no JavaScript, one small inline style sheet, readable on a
// 240-pixel screen, and a language switch that never loses what the resident typed.
import type { Locale } from "../../../../common/taxonomy.ts";
import { type HtmlValue, html, renderHtml, type SafeHtml, trustedHtml } from "../../../lib/html.ts";
import type { FieldProblem } from "../report-form.ts";
import { fill, type PageTexts, textsFor } from "../texts.ts";

export const LOCALE_ORDER: readonly Locale[] = ["sw", "en"];

// Inline, because a second request costs residents time and money; the CSP allows inline styles only.
const STYLE = `
body{margin:0;font:16px/1.45 sans-serif;color:#111;background:#fff}
.wrap{max-width:40em;margin:0 auto;padding:.4em .7em 2em}
.top{border-bottom:3px solid #0a6b3d;padding:.3em 0;overflow:hidden}
.brand{font-weight:bold;float:left;margin:.2em .6em .2em 0}
.langs{float:right;margin:.2em 0}
h1{font-size:1.4em;margin:.6em 0 .4em}
h2{font-size:1.15em;margin:1.2em 0 .3em}
label,legend{display:block;font-weight:bold;margin:.9em 0 .2em;padding:0}
fieldset{border:0;padding:0;margin:0;min-width:0}
fieldset label{font-weight:normal;margin:.4em 0}
input[type=text],input[type=tel],input[type=date],select,textarea{box-sizing:border-box;width:100%;max-width:100%;font:inherit;padding:.35em;border:1px solid #555;border-radius:2px}
button{font:inherit;padding:.5em 1em;margin:.5em 0;cursor:pointer}
.primary{background:#0a6b3d;color:#fff;border:0;font-weight:bold;width:100%;padding:.7em}
.secondary{background:#eee;border:1px solid #555}
.link{background:none;border:0;color:#0645ad;text-decoration:underline;padding:0 .2em;margin:0}
a{color:#0645ad}
ul{padding-left:1.2em}
.hint{color:#444;font-size:.92em;margin:.1em 0 .3em}
.error{color:#a00;font-weight:bold;margin:.2em 0}
.notice{border-left:4px solid #a00;background:#fdecea;padding:.4em .6em;margin:.8em 0}
.ok{border-left-color:#0a6b3d;background:#e8f5ee}
.anon{font-weight:bold}
.big{font:bold 2em/1.2 monospace;letter-spacing:.08em;margin:.1em 0 .5em;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.4em .6em;margin:.3em 0}
.meta{color:#444;font-size:.9em;margin:.6em 0 0}
.offscreen{position:absolute;left:-9999px;width:1px;overflow:hidden}
.foot{margin-top:1.5em;border-top:1px solid #ccc;padding-top:.5em}
`;

export interface PageFrame {
  locale: Locale;
  title: string;
  languages: SafeHtml;
  body: HtmlValue;
  /** Makes the whole page one form, so that its language buttons re-send what was typed. */
  form?: { action: string; prelude: SafeHtml };
}

export function page(frame: PageFrame): string {
  const { locale, form } = frame;
  const t = textsFor(locale);
  const content = html`<div class="top"><span class="brand">Baraza</span>${frame.languages}</div>
${frame.body}`;
  return `<!doctype html>${renderHtml(html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${frame.title} - Baraza</title>
<style>${trustedHtml(STYLE)}</style>
</head>
<body><div class="wrap">
${form ? html`<form method="post" action="${form.action}" accept-charset="utf-8">${form.prelude}${content}</form>` : content}
<p class="foot">${t.emergency}</p>
</div></body>
</html>`)}`;
}

const currentLanguage = (locale: Locale) => html`<strong>${textsFor(locale).languageName}</strong>`;

/** Language links for pages reached by GET: the choice travels in the query string. */
export function languageLinks(locale: Locale, path: string, query: Record<string, string> = {}): SafeHtml {
  const items = LOCALE_ORDER.map((other) => {
    if (other === locale) return currentLanguage(other);
    const search = new URLSearchParams({ ...query, lang: other }).toString();
    return html`<a href="${path}?${search}" hreflang="${other}" lang="${other}">${textsFor(other).languageName}</a>`;
  });
  return html`<span class="langs" aria-label="${textsFor(locale).languageLabel}">${joinWith(items, " | ")}</span>`;
}

/**
 * Language buttons inside the page's own form: switching re-sends what was typed, so nothing is lost.
 * The form handles `switchLang` by showing the same page again in that language.
 */
export function languageButtons(locale: Locale): SafeHtml {
  const items = LOCALE_ORDER.map((other) =>
    other === locale
      ? currentLanguage(other)
      : html`<button type="submit" class="link" name="switchLang" value="${other}" lang="${other}">${textsFor(other).languageName}</button>`,
  );
  return html`<span class="langs" aria-label="${textsFor(locale).languageLabel}">${joinWith(items, " | ")}</span>`;
}

/** Language buttons in a small form of their own that re-posts hidden fields (a receipt's reference and PIN). */
export function languageForm(locale: Locale, action: string, hidden: Record<string, string>): SafeHtml {
  const fields = Object.entries(hidden).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  return html`<form class="langs" method="post" action="${action}">${fields}${languageButtons(locale)}</form>`;
}

function joinWith(items: SafeHtml[], separator: string): HtmlValue[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

/**
 * Pressing Enter in a text field clicks the form's first submit button; this invisible one comes
 * first so that Enter does what the main button does, not switch the language.
 */
export function defaultButton(name: string, value: string, label: string): SafeHtml {
  return html`<button type="submit" name="${name}" value="${value}" class="offscreen" tabindex="-1" aria-hidden="true">${label}</button>`;
}

export function hiddenLocale(locale: Locale): SafeHtml {
  return html`<input type="hidden" name="lang" value="${locale}">`;
}

/** The message under a field, and the attributes that tie it to the field for screen readers. */
export function problemText(t: PageTexts, problem: FieldProblem | undefined): string | null {
  return problem ? fill(t[problem.key], problem.params ?? {}) : null;
}

export function fieldError(id: string, message: string | null): SafeHtml {
  return message ? html`<p class="error" id="${id}-error">${message}</p>` : html``;
}

export function invalidAttributes(id: string, message: string | null): SafeHtml {
  return message ? html` aria-invalid="true" aria-describedby="${id}-error"` : html``;
}

export function notice(message: string | null, kind: "problem" | "ok" = "problem"): SafeHtml {
  if (!message) return html``;
  return kind === "ok"
    ? html`<p class="notice ok" role="status">${message}</p>`
    : html`<p class="notice" role="alert">${message}</p>`;
}

export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === "sw" ? "sw-KE" : "en-KE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Africa/Nairobi",
  }).format(date);
}
