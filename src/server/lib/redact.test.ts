import { describe, expect, it } from "vitest";
import { maskContacts, maskPhones } from "./redact.ts";

describe("maskContacts", () => {
  it("takes the number out of a gateway's refusal", () => {
    expect(maskContacts("HTTP 400: The 'To' number +254722500199 is not a valid phone number.")).toBe(
      "HTTP 400: The 'To' number [phone] is not a valid phone number.",
    );
  });

  it("takes the address out of a mail server's refusal", () => {
    expect(maskContacts("550 5.1.1 <amina.otieno@example.org>: Recipient address rejected")).toBe(
      "550 5.1.1 <[email]>: Recipient address rejected",
    );
  });

  it("leaves errors without contact details as they are", () => {
    expect(maskContacts("connect ECONNREFUSED 127.0.0.1:5432")).toBe("connect ECONNREFUSED 127.0.0.1:5432");
  });
});

describe("maskPhones", () => {
  it("takes out any long number in machine-written text, foreign ones too, and leaves years", () => {
    expect(maskPhones("To 415-555-1234 and +1 415 555 1234 and 0722 123 456, in 2026")).toBe(
      "To [phone] and [phone] and [phone], in 2026",
    );
  });
});
