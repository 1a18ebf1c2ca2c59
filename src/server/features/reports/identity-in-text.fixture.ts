// What residents type about themselves into report text, for the route tests that check no staff
// surface shows it (identity-in-text.routes.test.ts, src/server/test/identity-exposure.routes.test.ts).
import { expect } from "vitest";

export const WEB_TEXT =
  "My name is Grace Wambui, call me on 0722123456 or grace.w@example.com. A gang is breaking into shops in Kaptembwo";
export const SMS_TEXT = "mimi ni Peter Kamau nipigie 0700111222 majambazi wanavunja maduka Kaptembwo";
export const ADDITION_TEXT =
  "Tena: naitwa Peter Kamau, namba yangu ni +254 700 111 222, email peter.kamau@example.org";

const digitsOf = (national: string) => new RegExp(national.split("").join("[\\s\\-.()/]*"));
/** None of the typed names, numbers (in any format) or e-mails. */
export function expectNoTypedIdentity(where: string, body: unknown): void {
  const text = JSON.stringify(body);
  expect(text, `${where}: a typed name`).not.toMatch(/grace|wambui|peter|kamau/i);
  expect(text, `${where}: a typed number`).not.toMatch(digitsOf("722123456"));
  expect(text, `${where}: a typed number`).not.toMatch(digitsOf("700111222"));
  expect(text, `${where}: a typed e-mail`).not.toMatch(/example\.(com|org)|grace\.w@|peter\.kamau@/i);
}
