// The report form and the receipt. Server-rendered, no JavaScript: the county's place list is a
// second step of the same form (a button that sends the form back with the list), not a script.
import { loadGazetteer, type Place } from "../../../../common/places/index.ts";
import { CATEGORY_CODES, CATEGORY_LABELS, type Locale } from "../../../../common/taxonomy.ts";
import { html, type SafeHtml } from "../../../lib/html.ts";
import { MAX_REPORT_TEXT_CHARS } from "../../reports/reports.service.ts";
import {
  type FormProblems,
  MAX_NAME_CHARS,
  MAX_PLACE_TEXT_CHARS,
  type ReportField,
  type ReportFormValues,
  WHEN_CHOICES,
  type WhenChoice,
} from "../report-form.ts";
import { fill, type PageTexts, type TextKey, textsFor } from "../texts.ts";
import {
  defaultButton,
  fieldError,
  hiddenLocale,
  invalidAttributes,
  languageButtons,
  languageForm,
  languageLinks,
  notice,
  page,
  problemText,
} from "./layout.ts";

export interface ReportFormPage {
  locale: Locale;
  values: ReportFormValues;
  problems?: FormProblems<ReportField>;
  /** The chosen county's places, when the resident asked for the list (or came with ?county=). */
  places?: Place[] | null;
  notice?: { key: TextKey; kind?: "problem" | "ok" } | null;
  /** The page title, when it is not the form's own (e.g. when too many reports came from one connection). */
  title?: TextKey;
  /** Today in Nairobi (YYYY-MM-DD), the latest date the date field offers. */
  today: string;
  /** The form's one-time token: sending the same form twice files one report. */
  formToken: string;
}

const COUNTIES = () =>
  loadGazetteer()
    .filter((p) => p.kind === "county")
    .sort((a, b) => a.name.localeCompare(b.name));

const WHEN_KEYS: Record<WhenChoice, TextKey> = {
  today: "whenToday",
  yesterday: "whenYesterday",
  this_week: "whenThisWeek",
  earlier: "whenEarlier",
  unknown: "whenUnknown",
};

const checked = (on: boolean) => (on ? html` checked` : html``);
const selected = (on: boolean) => (on ? html` selected` : html``);

function radio(name: string, value: string, label: string, on: boolean, id: string): SafeHtml {
  return html`<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${value}"${checked(on)}> ${label}</label>`;
}

function categoryField(t: PageTexts, locale: Locale, values: ReportFormValues, error: string | null) {
  const options = [
    ...CATEGORY_CODES.map((code) =>
      radio("category", code, CATEGORY_LABELS[code][locale], values.category === code, `category-${code}`),
    ),
    radio("category", "unknown", t.dontKnow, values.category === "unknown", "category-unknown"),
  ];
  return html`<fieldset${invalidAttributes("category", error)}><legend>${t.kindLegend}</legend>${fieldError("category", error)}${options}</fieldset>`;
}

/** Localities and wards grouped by sub-county: what people say first, the official ward after it. */
function placeOptions(t: PageTexts, places: Place[], chosen: string): SafeHtml[] {
  const subCounties = places.filter((p) => p.kind === "sub_county");
  return subCounties.map((subCounty) => {
    const inside = places.filter((p) => p.kind !== "sub_county" && p.path.split("/")[1] === subCounty.id);
    const localities = inside.filter((p) => p.kind === "locality");
    const wards = inside.filter((p) => p.kind === "ward");
    const option = (p: Place, label: string) =>
      html`<option value="${p.id}"${selected(p.id === chosen)}>${label}</option>`;
    return html`<optgroup label="${subCounty.name}">${localities.map((p) => option(p, p.name))}${wards.map((p) => option(p, `${p.name} (${t.wardSuffix})`))}</optgroup>`;
  });
}

function whereField(page: ReportFormPage, t: PageTexts, errors: Record<string, string | null>) {
  const { values, places } = page;
  const countyName = COUNTIES().find((c) => c.id === values.county)?.name ?? "";
  const counties = COUNTIES().map(
    (c) => html`<option value="${c.id}"${selected(c.id === values.county)}>${c.name}</option>`,
  );
  const list =
    places && countyName
      ? html`<label for="locality">${fill(t.placeList, { county: countyName })}</label>
${fieldError("locality", errors.locality ?? null)}<select id="locality" name="locality"${invalidAttributes("locality", errors.locality ?? null)}>
<option value="">${t.placeListNone}</option>${placeOptions(t, places, values.locality)}</select>`
      : html``;
  return html`<fieldset><legend>${t.whereLegend}</legend>
<label for="county">${t.county}</label>${fieldError("county", errors.county ?? null)}
<select id="county" name="county"${invalidAttributes("county", errors.county ?? null)}><option value="">${t.countyNone}</option>${counties}</select>
<label for="place">${t.place}</label><p class="hint">${t.placeHint}</p>${fieldError("place", errors.place ?? null)}
<input type="text" id="place" name="place" value="${values.place}" maxlength="${MAX_PLACE_TEXT_CHARS}" autocomplete="off"${invalidAttributes("place", errors.place ?? null)}>
${list}
<button type="submit" class="secondary" name="step" value="places">${t.showPlaces}</button>
</fieldset>`;
}

function whenField(page: ReportFormPage, t: PageTexts, errors: Record<string, string | null>) {
  const { values } = page;
  const radios = WHEN_CHOICES.map((choice) =>
    radio("when", choice, t[WHEN_KEYS[choice]], values.when === choice, `when-${choice}`),
  );
  return html`<fieldset><legend>${t.whenLegend}</legend>${fieldError("when", errors.when ?? null)}${radios}
<label for="date">${t.date}</label><p class="hint">${t.dateHint}</p>${fieldError("date", errors.date ?? null)}
<input type="date" id="date" name="date" value="${values.date}" max="${page.today}"${invalidAttributes("date", errors.date ?? null)}>
</fieldset>`;
}

function contactField(page: ReportFormPage, t: PageTexts, errors: Record<string, string | null>) {
  const { values } = page;
  return html`<fieldset><legend>${t.contactLegend}</legend>
<p class="hint">${t.contactHint}</p>
<label for="phone">${t.phone}</label>${fieldError("phone", errors.phone ?? null)}
<input type="tel" id="phone" name="phone" value="${values.phone}" maxlength="32" autocomplete="off"${invalidAttributes("phone", errors.phone ?? null)}>
<label for="name">${t.name}</label>${fieldError("name", errors.name ?? null)}
<input type="text" id="name" name="name" value="${values.name}" maxlength="${MAX_NAME_CHARS}" autocomplete="off"${invalidAttributes("name", errors.name ?? null)}>
${fieldError("consent", errors.consent ?? null)}
<label for="consent"><input type="checkbox" id="consent" name="consent" value="yes"${checked(values.consent)}${invalidAttributes("consent", errors.consent ?? null)}> ${t.consent}</label>
</fieldset>`;
}

export function reportFormPage(view: ReportFormPage): string {
  const { locale, values } = view;
  const t = textsFor(locale);
  const errors = Object.fromEntries(
    Object.entries(view.problems ?? {}).map(([field, problem]) => [field, problemText(t, problem)]),
  );
  const body = html`<h1>${t.reportTitle}</h1>
<p>${t.reportIntro}</p>
<p class="anon">${t.anonymity}</p>
${notice(view.notice ? t[view.notice.key] : null, view.notice?.kind)}
<label for="text">${t.whatHappened}</label><p class="hint">${t.whatHappenedHint}</p><p class="hint" id="text-privacy"><strong>${t.whatHappenedPrivacy}</strong></p>${fieldError("text", errors.text ?? null)}
<textarea id="text" name="text" rows="6" maxlength="${MAX_REPORT_TEXT_CHARS}"${invalidAttributes("text", errors.text ?? null)}>${values.text}</textarea>
${categoryField(t, locale, values, errors.category ?? null)}
${whereField(view, t, errors)}
${whenField(view, t, errors)}
${contactField(view, t, errors)}
<button type="submit" class="primary" name="step" value="send">${t.send}</button>
<p><a href="/follow-up?lang=${locale}">${t.followUpTitle}</a></p>`;
  return page({
    locale,
    title: t[view.title ?? "reportTitle"],
    languages: languageButtons(locale),
    body,
    form: {
      action: "/report",
      prelude: html`${defaultButton("step", "send", t.send)}${hiddenLocale(locale)}<input type="hidden" name="formToken" value="${view.formToken}">`,
    },
  });
}

export interface ReceiptPage {
  locale: Locale;
  reference: string;
  pin: string;
  consentToContact: boolean;
  /** The receipt page's own address: its language links stay on it. Without it they re-post to /follow-up. */
  receiptPath?: string;
}

const followUpLink = (locale: Locale) => html`<a href="/follow-up?lang=${locale}">/follow-up</a>`;

/** A sentence with the /follow-up link where its `{link}` is. */
function withFollowUpLink(locale: Locale, sentence: string): SafeHtml {
  const [before, after] = sentence.split("{link}");
  return html`${before}${followUpLink(locale)}${after}`;
}

export function receiptPage(view: ReceiptPage): string {
  const { locale } = view;
  const t = textsFor(locale);
  const body = html`<h1>${t.receiptTitle}</h1>
<p class="notice ok"><strong>${t.writeDown}</strong></p>
<p>${t.reference}</p><p class="big" id="reference">${view.reference}</p>
<p>${t.pin}</p><p class="big" id="pin">${view.pin}</p>
<p>${t.pinOnce}</p>
${view.receiptPath ? html`<p>${t.receiptWindow}</p>` : html``}
<h2>${t.nextTitle}</h2>
<ul><li>${t.nextRead}</li><li>${withFollowUpLink(locale, t.nextCheck)}</li><li>${view.consentToContact ? t.nextContact : t.nextAnonymous}</li></ul>
<p>${t.emergencyNow}</p>
<p><a href="/report?lang=${locale}">${t.anotherReport}</a></p>`;
  const languages = view.receiptPath
    ? languageLinks(locale, view.receiptPath)
    : languageForm(locale, "/follow-up", { reference: view.reference, pin: view.pin, view: "receipt" });
  return page({ locale, title: t.receiptTitle, languages, body });
}

/** The receipt page after its window (or at an address that never was one): no reference, no PIN. */
export function receiptExpiredPage(locale: Locale, receiptPath: string): string {
  const t = textsFor(locale);
  const body = html`<h1>${t.receiptExpiredTitle}</h1>
<p id="receipt-expired">${withFollowUpLink(locale, t.receiptExpired)}</p>
<p>${t.emergencyNow}</p>
<p><a href="/report?lang=${locale}">${t.anotherReport}</a></p>`;
  return page({ locale, title: t.receiptExpiredTitle, languages: languageLinks(locale, receiptPath), body });
}
