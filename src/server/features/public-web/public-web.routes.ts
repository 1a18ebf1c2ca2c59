// The public, no-JavaScript web channel: /report and /follow-up. Server-rendered HTML for
// feature phones and slow connections. No session, no cookie: the language travels in the URL or
// the form. The client address is used only as a keyed hash for rate limits and is never logged.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { AppError, parseInput } from "../../lib/errors.ts";
import { errorPage, followUpEntryPage, followUpStatusPage } from "./pages/follow-up-pages.ts";
import { receiptPage, reportFormPage } from "./pages/report-pages.ts";
import {
  addFollowUpInformation,
  type FollowUpOutcome,
  followUpReport,
  placesForForm,
  submitWebReport,
} from "./public-web.service.ts";
import { countyIdOf, formField, formValues, reportFormSchema, todayInNairobi } from "./report-form.ts";
import { chooseLocale } from "./texts.ts";

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
      const locale = chooseLocale(undefined, acceptLanguage(request));
      if (status < 500) return sendPage(reply, status, errorPage(locale, "request"));
      request.log.error({ err: error }, "public page failed");
      return sendPage(reply, 500, errorPage(locale, "server"));
    });

    scope.get("/report", async (request, reply) => {
      const query = parseInput(pageQuery, request.query, "query");
      const locale = chooseLocale(query.lang, acceptLanguage(request));
      const county = countyIdOf(query.county);
      const places = await placesForForm(deps, county);
      const values = { ...formValues({}), county: county ?? "" };
      return sendPage(
        reply,
        200,
        reportFormPage({ locale, values, places, today: todayInNairobi(deps.now()) }),
      );
    });

    scope.post("/report", async (request, reply) => {
      const input = parseInput(reportFormSchema, request.body, "form");
      const values = formValues(input);
      const locale = chooseLocale(input.switchLang ?? input.lang, acceptLanguage(request));
      const today = todayInNairobi(deps.now());
      // Changing language or asking for the county's place list shows the form again, sends nothing.
      if (input.switchLang || input.step === "places") {
        const county = countyIdOf(values.county);
        const places = await placesForForm(deps, county);
        const asked = input.step === "places" && !input.switchLang;
        const notice = !asked
          ? null
          : county
            ? { key: "placeListShown" as const, kind: "ok" as const }
            : { key: "chooseCountyFirst" as const };
        return sendPage(reply, 200, reportFormPage({ locale, values, places, notice, today }));
      }
      const outcome = await submitWebReport(deps, { values, locale, clientAddress: request.ip });
      switch (outcome.kind) {
        case "invalid":
          return sendPage(
            reply,
            400,
            reportFormPage({
              locale,
              values,
              places: outcome.places,
              problems: outcome.problems,
              notice: { key: "fixErrors" },
              today,
            }),
          );
        case "rate_limited":
          return sendPage(
            reply,
            429,
            reportFormPage({
              locale,
              values,
              places: outcome.places,
              notice: { key: "rateLimited" },
              title: "rateLimitedTitle",
              today,
            }),
          );
        case "sent":
          return sendPage(reply, 200, receiptPage({ locale, ...outcome }));
      }
    });

    scope.get("/follow-up", async (request, reply) => {
      const query = parseInput(pageQuery, request.query, "query");
      const locale = chooseLocale(query.lang, acceptLanguage(request));
      return sendPage(reply, 200, followUpEntryPage({ locale, reference: "", pin: "" }));
    });

    scope.post("/follow-up", async (request, reply) => {
      const input = parseInput(followUpForm, request.body, "form");
      const locale = chooseLocale(input.switchLang ?? input.lang, acceptLanguage(request));
      const typed = { reference: input.reference ?? "", pin: input.pin ?? "", view: input.view };
      if (input.switchLang && input.view === "entry")
        return sendPage(reply, 200, followUpEntryPage({ locale, ...typed }));
      const outcome = await followUpReport(deps, { ...typed, clientAddress: request.ip });
      return followUpAnswer(reply, locale, typed, outcome);
    });

    scope.post("/follow-up/add", async (request, reply) => {
      const input = parseInput(addForm, request.body, "form");
      const locale = chooseLocale(input.lang, acceptLanguage(request));
      const typed = { reference: input.reference ?? "", pin: input.pin ?? "", addText: input.text ?? "" };
      const outcome = await addFollowUpInformation(deps, {
        ...typed,
        text: typed.addText,
        clientAddress: request.ip,
      });
      return followUpAnswer(reply, locale, typed, outcome);
    });
  });
}
