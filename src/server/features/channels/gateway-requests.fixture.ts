// Gateway callbacks as the gateways send them (shared/GATEWAYS.md), for route and crash tests.
import { randomUUID } from "node:crypto";
import { computeTwilioSignature } from "./twilio.ts";

export const AT_SMS_PATH = "/channels/africastalking/sms";
export const AT_USSD_PATH = "/channels/africastalking/ussd";
export const TWILIO_SMS_PATH = "/channels/twilio/sms";
export const SHORTCODE = "40123";

export interface FormResponse {
  status: number;
  contentType: string;
  text: string;
  /** Parsed when the answer is JSON (an acknowledgement or an error); empty otherwise. */
  json: {
    ok?: boolean;
    duplicate?: boolean;
    error?: { code: string; message: string; fields?: { path: string; message: string }[] };
  };
}

/** The error message of a refused callback ("" when there is none). */
export const errorMessage = (res: FormResponse) => res.json.error?.message ?? "";
/** The fields a refused callback was refused for, sorted. */
export const errorFields = (res: FormResponse) => (res.json.error?.fields ?? []).map((f) => f.path).sort();

/** POSTs a form the way a gateway does: url-encoded fields, or raw bytes for malformed bodies. */
export async function postForm(
  baseUrl: string,
  path: string,
  body: Record<string, string> | Buffer | string,
  headers: Record<string, string> = {},
): Promise<FormResponse> {
  const payload = Buffer.isBuffer(body)
    ? new Uint8Array(body)
    : typeof body === "string"
      ? body
      : new URLSearchParams(body).toString();
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: payload,
  });
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  return {
    status: res.status,
    contentType,
    text,
    json: contentType.includes("json") ? JSON.parse(text) : null,
  };
}

/** An Africa's Talking incoming-SMS callback; `date` in AT's "2017-05-03T06:04:45Z" form. */
export function atSms(fields: {
  from: string;
  text: string;
  id?: string;
  date?: string;
  linkId?: string;
  networkCode?: string;
}): Record<string, string> {
  return {
    linkId: fields.linkId ?? "03090445075804249226",
    text: fields.text,
    to: SHORTCODE,
    id: fields.id ?? randomUUID(),
    date: fields.date ?? "2026-11-23T08:00:00Z",
    from: fields.from,
    networkCode: fields.networkCode ?? "63902",
  };
}

/** An Africa's Talking USSD hop; `text` is every input so far joined with "*". */
export function atUssd(sessionId: string, phoneNumber: string, text: string): Record<string, string> {
  return { sessionId, serviceCode: "*384*1234#", phoneNumber, networkCode: "63902", text };
}

const hex32 = () => randomUUID().replace(/-/g, "");

/** A Twilio incoming-message webhook's parameters, with the fields Twilio adds. */
export function twilioSms(fields: { from: string; body: string; sid?: string }): Record<string, string> {
  const sid = fields.sid ?? `SM${hex32()}`;
  return {
    ToCountry: "KE",
    ToState: "",
    SmsMessageSid: sid,
    NumMedia: "0",
    ToCity: "",
    FromZip: "",
    SmsSid: sid,
    FromState: "",
    SmsStatus: "received",
    FromCity: "",
    Body: fields.body,
    FromCountry: "KE",
    To: "+254700000100",
    MessagingServiceSid: `MG${hex32()}`,
    ToZip: "",
    NumSegments: "1",
    MessageSid: sid,
    AccountSid: `AC${hex32()}`,
    From: fields.from,
    ApiVersion: "2010-04-01",
  };
}

export function twilioSignatureHeader(authToken: string, url: string, params: Record<string, string>) {
  return { "x-twilio-signature": computeTwilioSignature(authToken, url, params) };
}
