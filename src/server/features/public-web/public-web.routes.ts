// The public, no-JavaScript web channel: /report and /follow-up. Server-rendered HTML for
// feature phones and slow connections. No session, no cookie: the language travels in the URL or
// the form. The client address is used only as a keyed hash for rate limits and is never logged.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { AppError, parseInput } from "../../lib/errors.ts";
import { framesOf } from "../../lib/log-safety.ts";
import { errorPage, followUpEntryPage, followUpStatusPage } from "./pages/follow-up-pages.ts";
import { receiptExpiredPage, receiptPage, reportFormPage } from "./pages/report-pages.ts";
import {
  addFollowUpInformation,
  type FollowUpOutcome,
  followUpReport,
  placesForForm,
  submitWebReport,
} from "./public-web.service.ts";
import {
  countyIdOf,
  type FormProblems,
  formField,
  formValues,
  type ReportField,
  reportFormSchema,
  todayInNairobi,
  withoutControlCharactersIn,
} from "./report-form.ts";
import { chooseLocale, isLocale } from "./texts.ts";
import { formTokenFor, newFormToken, showReceipt } from "./web-receipt.service.ts";

const pageQuery = z.object({ lang: formField, county: formField });
const followUpForm = z.object({
  reference: formField,
  pin: formField,
  lang: formField,
  switchLang: formField,
  view: formField,
});
const addForm = z.object({ reference: formField, pin: formField, text: formField, lang: formField });

function sendPage(reply: FastifyReply, status: number, markup: string): FastifyReply {
  return (
    reply
      .status(status)
      .header("content-type", "text/html; charset=utf-8")
      // Receipts and follow-up pages carry a reference and PIN: never keep them in a cache or a Referer.
      .header("cache-control", "no-store")
      .header("referrer-policy", "no-referrer")
      .send(markup)
  );
}

const acceptLanguage = (request: FastifyRequest) => request.headers["accept-language"];

/**
 * The language the resident asked for in what they sent (the form's `lang`, a language button, or
 * `?lang=`), read without trusting the request's shape: error pages must speak it too.
 */
function askedLocale(request: FastifyRequest): string | undefined {
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  for (const source of [request.body, request.query]) {
    if (!source || typeof source !== "object") continue;
    const fields = source as Record<string, unknown>;
    const asked = [first(fields.switchLang), first(fields.lang)].find(isLocale);
    if (asked) return asked;
  }
  return undefined;
}

const pageLocale = (request: FastifyRequest, chosen?: string) =>
  chooseLocale(isLocale(chosen) ? chosen : askedLocale(request), acceptLanguage(request));

// The report form's fields a resident types into: where a copy-paste can bring control characters.
const TYPED_FIELDS: readonly ReportField[] = ["text", "place", "date", "phone", "name"];

function controlCharacterProblems(dirty: readonly string[]): FormProblems<ReportField> {
  const typed = TYPED_FIELDS.filter((field) => dirty.includes(field));
  return Object.fromEntries(typed.map((field) => [field, { key: "controlCharactersField" as const }]));
}

/**
 * What is logged when a public page fails: the error's kind and where it happened, never its
 * message, which for a database error quotes the statement with its parameters (a resident's
 * words, sealed contacts).
 */
function failureForLog(error: unknown) {
  const e = error as { name?: unknown; code?: unknown; cause?: { code?: unknown }; stack?: unknown };
  const frames = framesOf(e.stack).split("\n").filter(Boolean);
  return { name: e.name, code: e.code ?? e.cause?.code, at: frames.slice(0, 8).map((l) => l.trim()) };
}

const receiptPath = (receiptId: string) => `/report/receipt/${receiptId}`;

/** Every way a reference-and-PIN check can end, as the page the resident sees. */
function followUpAnswer(
  reply: FastifyReply,
  locale: ReturnType<typeof chooseLocale>,
  typed: { reference: string; pin: string; view?: string | undefined; addText?: string },
  outcome: FollowUpOutcome,
): FastifyReply {
  const entry = (status: number, extra: Parameters<typeof followUpEntryPage>[0]) =>
    sendPage(reply, status, followUpEntryPage(extra));
  switch (outcome.kind) {
    case "missing":
      return entry(400, { locale, reference: typed.reference, pin: typed.pin, problems: outcome.problems });
    case "no_match":
      return entry(400, { locale, reference: typed.reference, pin: "", notice: "noMatch" });
    case "locked":
      return entry(429, { locale, reference: typed.reference, pin: "", notice: "locked" });
    case "rate_limited":
      return entry(429, { locale, reference: typed.reference, pin: "", notice: "rateLimitedFollowUp" });
    case "found":
      if (typed.view === "receipt")
        return sendPage(
          reply,
          200,
          receiptPage({
            locale,
            reference: outcome.report.reference,
            pin: typed.pin,
            consentToContact: outcome.report.consentToContact,
          }),
        );
      return sendPage(
        reply,
        outcome.problem ? 400 : 200,
        followUpStatusPage({
          locale,
          report: outcome.report,
          pin: typed.pin,
          added: outcome.added ?? false,
          ...(outcome.problem && { addProblem: outcome.problem, addText: typed.addText ?? "" }),
        }),
      );
  }
}

export function publicWebRoutes(app: FastifyInstance, deps: Deps): void {
  // Its own scope, so that even an unexpected failure answers with a page, not JSON.
  app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      const status =
        error instanceof AppError ? error.status : ((error as { statusCode?: number }).statusCode ?? 500);
      const locale = pageLocale(request);
      if (status < 500) return sendPage(reply, status, errorPage(locale, "request"));
      request.log.error({ failure: failureForLog(error) }, "public page failed");
      return sendPage(reply, 500, errorPage(locale, "server"));
    });

    scope.get("/report", async (request, reply) => {
      const query = parseInput(pageQuery, request.query, "query");
      const locale = chooseLocale(query.lang, acceptLanguage(request));
      const county = countyIdOf(query.county);
      const places = await placesForForm(deps, county);
      const values = { ...formValues({}), county: county ?? "" };
      const today = todayInNairobi(deps.now());
      // A fresh token costs nothing to issue: it is recorded only when a report is filed with it.
      return sendPage(
        reply,
        200,
        reportFormPage({ locale, values, places, today, formToken: newFormToken() }),
      );
    });

    scope.post("/report", async (request, reply) => {
      const posted = withoutControlCharactersIn(parseInput(reportFormSchema, request.body, "form"));
      const input = posted.values;
      const values = formValues(input);
      const locale = pageLocale(request, input.switchLang ?? input.lang);
      const today = todayInNairobi(deps.now());
      const countyPlaces = () => placesForForm(deps, countyIdOf(values.county));
      const form = async (status: number, view: Partial<Parameters<typeof reportFormPage>[0]>) =>
        sendPage(
          reply,
          status,
          reportFormPage({
            locale,
            values,
            today,
            formToken: await formTokenFor(deps, input.formToken),
            ...view,
          }),
        );
      // NUL and other controls cannot be stored: the form comes back cleaned, nothing is sent.
      if (posted.dirty.length > 0)
        return form(400, {
          places: await countyPlaces(),
          problems: controlCharacterProblems(posted.dirty),
          notice: { key: "controlCharactersNotice" },
        });
      // Changing language or asking for the county's place list shows the form again, sends nothing.
      if (input.switchLang || input.step === "places") {
        const asked = input.step === "places" && !input.switchLang;
        const notice = !asked
          ? null
          : countyIdOf(values.county)
            ? { key: "placeListShown" as const, kind: "ok" as const }
            : { key: "chooseCountyFirst" as const };
        return form(200, { places: await countyPlaces(), notice });
      }
      const outcome = await submitWebReport(deps, {
        values,
        locale,
        clientAddress: request.ip,
        formToken: input.formToken,
      });
      switch (outcome.kind) {
        case "invalid":
          return form(400, {
            places: outcome.places,
            problems: outcome.problems,
            notice: { key: "fixErrors" },
          });
        case "rate_limited":
          return form(429, {
            places: outcome.places,
            notice: { key: "rateLimited" },
            title: "rateLimitedTitle",
          });
        case "sent":
          // Post/Redirect/Get: a refresh of the receipt reloads the receipt, it does not send again.
          return reply.redirect(`${receiptPath(outcome.receiptId)}?lang=${locale}`, 303);
      }
    });

    scope.get<{ Params: { receiptId: string } }>("/report/receipt/:receiptId", async (request, reply) => {
      const query = parseInput(pageQuery, request.query, "query");
      const path = receiptPath(request.params.receiptId);
      const receipt = await showReceipt(deps, request.params.receiptId);
      const locale = chooseLocale(query.lang ?? receipt.locale ?? undefined, acceptLanguage(request));
      if (receipt.kind === "expired") return sendPage(reply, 410, receiptExpiredPage(locale, path));
      return sendPage(reply, 200, receiptPage({ ...receipt, locale, receiptPath: path }));
    });

    scope.get("/follow-up", async (request, reply) => {
      const query = parseInput(pageQuery, request.query, "query");
      const locale = chooseLocale(query.lang, acceptLanguage(request));
      return sendPage(reply, 200, followUpEntryPage({ locale, reference: "", pin: "" }));
    });

    scope.post("/follow-up", async (request, reply) => {
      const posted = withoutControlCharactersIn(parseInput(followUpForm, request.body, "form"));
      const input = posted.values;
      const locale = pageLocale(request, input.switchLang ?? input.lang);
      const typed = { reference: input.reference ?? "", pin: input.pin ?? "", view: input.view };
      if (posted.dirty.length > 0)
        return sendPage(reply, 400, followUpEntryPage({ locale, ...typed, notice: "controlCharacters" }));
      if (input.switchLang && input.view === "entry")
        return sendPage(reply, 200, followUpEntryPage({ locale, ...typed }));
      const outcome = await followUpReport(deps, { ...typed, clientAddress: request.ip });
      return followUpAnswer(reply, locale, typed, outcome);
    });

    scope.post("/follow-up/add", async (request, reply) => {
      const raw = parseInput(addForm, request.body, "form");
      const posted = withoutControlCharactersIn(raw);
      const input = posted.values;
      const locale = pageLocale(request, input.lang);
      const typed = { reference: input.reference ?? "", pin: input.pin ?? "", addText: input.text ?? "" };
      if (posted.dirty.some((field) => field !== "text"))
        return sendPage(reply, 400, followUpEntryPage({ locale, ...typed, notice: "controlCharacters" }));
      // The text as sent: the check refuses control characters; the page shows it cleaned to retype.
      const outcome = await addFollowUpInformation(deps, {
        ...typed,
        text: raw.text ?? "",
        clientAddress: request.ip,
      });
      return followUpAnswer(reply, locale, typed, outcome);
    });
  });
}
