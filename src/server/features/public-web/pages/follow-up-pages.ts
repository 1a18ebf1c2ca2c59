// /follow-up: the reference-and-PIN form, the report as its reporter may see it, and the form to
// add information. Also the page shown when something breaks on our side.
import { statusMessage } from "../../../../common/messages.ts";
import type { Locale } from "../../../../common/taxonomy.ts";
import { html } from "../../../lib/html.ts";
import { MAX_REPORT_TEXT_CHARS } from "../../reports/reports.service.ts";
import type { ResidentReportView } from "../public-web.service.ts";
import type { FieldProblem, FormProblems } from "../report-form.ts";
import { fill, type TextKey, textsFor } from "../texts.ts";
import {
  defaultButton,
  fieldError,
  formatDate,
  hiddenLocale,
  invalidAttributes,
  languageButtons,
  languageForm,
  languageLinks,
  notice,
  page,
  problemText,
} from "./layout.ts";

export interface FollowUpEntryPage {
  locale: Locale;
  reference: string;
  pin: string;
  problems?: FormProblems<"reference" | "pin">;
  notice?: TextKey | null;
}

export function followUpEntryPage(view: FollowUpEntryPage): string {
  const { locale } = view;
  const t = textsFor(locale);
  const referenceError = problemText(t, view.problems?.reference);
  const pinError = problemText(t, view.problems?.pin);
  const body = html`<h1>${t.followUpTitle}</h1>
<p>${t.followUpIntro}</p>
${notice(view.notice ? t[view.notice] : null)}
<input type="hidden" name="view" value="entry">
<label for="reference">${t.referenceField}</label>${fieldError("reference", referenceError)}
<input type="text" id="reference" name="reference" value="${view.reference}" maxlength="40" autocomplete="off" autocapitalize="characters"${invalidAttributes("reference", referenceError)}>
<label for="pin">${t.pinField}</label>${fieldError("pin", pinError)}
<input type="text" id="pin" name="pin" value="${view.pin}" maxlength="12" inputmode="numeric" autocomplete="off"${invalidAttributes("pin", pinError)}>
<button type="submit" class="primary" name="check" value="1">${t.check}</button>
<p><a href="/report?lang=${locale}">${t.newReport}</a></p>`;
  return page({
    locale,
    title: t.followUpTitle,
    languages: languageButtons(locale),
    body,
    form: {
      action: "/follow-up",
      prelude: html`${defaultButton("check", "1", t.check)}${hiddenLocale(locale)}`,
    },
  });
}

export interface FollowUpStatusPage {
  locale: Locale;
  report: ResidentReportView;
  /** Carried in the page's forms so that each step checks the receipt again; the page is never cached. */
  pin: string;
  added?: boolean;
  addProblem?: FieldProblem;
  addText?: string;
}

export function followUpStatusPage(view: FollowUpStatusPage): string {
  const { locale, report } = view;
  const t = textsFor(locale);
  const addError = problemText(t, view.addProblem);
  const additions = report.additions.map(
    (a) =>
      html`<li><p class="meta">${fill(t.addedOn, { date: formatDate(locale, a.receivedAt) })}</p><p class="text">${a.text}</p></li>`,
  );
  const receipt = { reference: report.reference, pin: view.pin };
  const body = html`<h1>${fill(t.reportTitleRef, { reference: report.reference })}</h1>
${notice(view.added ? t.added : null, "ok")}
<h2>${t.statusHeading}</h2>
<p id="status"><strong>${statusMessage(locale, report.reference, report.status)}</strong></p>
<p>${fill(t.sentOn, { date: formatDate(locale, report.receivedAt) })}</p>
<h2>${t.youWrote}</h2>
<p class="text" id="report-text">${report.text}</p>
${additions.length > 0 ? html`<h2>${t.youAdded}</h2><ul id="additions">${additions}</ul>` : html``}
<h2>${t.addTitle}</h2>
<form method="post" action="/follow-up/add" accept-charset="utf-8">
<input type="hidden" name="reference" value="${receipt.reference}"><input type="hidden" name="pin" value="${receipt.pin}">${hiddenLocale(locale)}
<label for="text">${t.addTitle}</label><p class="hint">${t.addHint}</p>${fieldError("text", addError)}
<textarea id="text" name="text" rows="4" maxlength="${MAX_REPORT_TEXT_CHARS}"${invalidAttributes("text", addError)}>${addError ? (view.addText ?? "") : ""}</textarea>
<button type="submit" class="primary">${t.add}</button>
</form>
<p><a href="/follow-up?lang=${locale}">${t.checkAnother}</a> | <a href="/report?lang=${locale}">${t.newReport}</a></p>`;
  return page({
    locale,
    title: fill(t.reportTitleRef, { reference: report.reference }),
    languages: languageForm(locale, "/follow-up", { ...receipt, view: "status" }),
    body,
  });
}

/** `request`: what arrived could not be read (a 4xx); `server`: our failure (a 5xx). */
export function errorPage(locale: Locale, cause: "request" | "server"): string {
  const t = textsFor(locale);
  const body = html`<h1>${t.errorTitle}</h1>
<p>${cause === "request" ? t.requestErrorBody : t.errorBody}</p>
<p><strong>${t.emergencyNow}</strong></p>
<p><a href="/report?lang=${locale}">${t.reportTitle}</a> | <a href="/follow-up?lang=${locale}">${t.followUpTitle}</a></p>`;
  return page({ locale, title: t.errorTitle, languages: languageLinks(locale, "/report"), body });
}
