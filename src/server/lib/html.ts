// An auto-escaping `html` tagged template for the server-rendered public pages.
// Every interpolated value is escaped unless it is itself the result of `html` (or `trustedHtml`),
// so text a resident typed can never become markup: escaping is the default, not a thing to remember.

const SAFE = Symbol("safe html");

/** Markup that is already safe to send: produced by `html` or vouched for with `trustedHtml`. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly markup: string;
}

/** Anything a template may interpolate. Lists are joined; null, undefined and false render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && SAFE in value;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (isSafe(value)) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

function safe(markup: string): SafeHtml {
  return { [SAFE]: true, markup };
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? "";
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? "");
  });
  return safe(markup);
}

/** Only for markup written in this code base (never for input): it is inserted unescaped. */
export function trustedHtml(markup: string): SafeHtml {
  return safe(markup);
}

/** The final string for the response body. */
export function renderHtml(value: SafeHtml): string {
  return value.markup;
}
