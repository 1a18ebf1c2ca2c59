// The public pages as a resident's browser sees them, for route tests: plain form posts, pages as
// text, and the receipt read off the page. `redirect: "manual"` shows a redirect instead of following it.
import { eq } from "drizzle-orm";
import type { TestServer } from "../../test/harness.ts";
import { reports } from "../reports/reports.table.ts";

export interface Page {
  status: number;
  html: string;
  headers: Headers;
  /** Where a redirect points, as a path with its query. */
  location: string | null;
}

type Fields = Record<string, string> | [string, string][];

async function pageOf(res: Response): Promise<Page> {
  const location = res.headers.get("location");
  return { status: res.status, html: await res.text(), headers: res.headers, location };
}

export function publicPages(server: () => TestServer) {
  const get = async (path: string, language = "en"): Promise<Page> =>
    pageOf(await fetch(`${server().url}${path}`, { headers: { "accept-language": language } }));

  /** Posts form fields, or a raw urlencoded body (for bytes a browser would never send). */
  const post = async (
    path: string,
    fields: Fields | string,
    options: { language?: string; redirect?: "manual" | "follow" } = {},
  ): Promise<Page> =>
    pageOf(
      await fetch(`${server().url}${path}`, {
        method: "POST",
        redirect: options.redirect ?? "follow",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "accept-language": options.language ?? "en",
        },
        body: typeof fields === "string" ? fields : new URLSearchParams(fields).toString(),
      }),
    );

  return { get, post };
}

/** The one-time token of a rendered report form. */
export function formTokenOf(page: Page): string {
  const token = /name="formToken" value="([^"]+)"/.exec(page.html)?.[1];
  if (!token) throw new Error(`No form token on the page (HTTP ${page.status})`);
  return token;
}

export function receiptOf(page: Page): { reference: string; pin: string } {
  const reference = /id="reference">([^<]+)</.exec(page.html)?.[1];
  const pin = /id="pin">(\d{6})</.exec(page.html)?.[1];
  if (page.status !== 200 || !reference || !pin) throw new Error(`No receipt (HTTP ${page.status})`);
  return { reference, pin };
}

export async function reportRow(server: TestServer, reference: string) {
  const [row] = await server.deps.db.select().from(reports).where(eq(reports.reference, reference));
  if (!row) throw new Error(`No report ${reference}`);
  return row;
}

export const countReports = (server: TestServer) => server.deps.db.$count(reports);
