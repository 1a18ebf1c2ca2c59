// Control characters in what residents and gateways send. PostgreSQL refuses NUL in text outright
// ("invalid byte sequence for encoding UTF8: 0x00"), and the other C0/C1 controls, lone
// surrogates and bidirectional overrides can corrupt logs, screens and exports. Line breaks and
// tabs are ordinary in a report and are kept.
//
// Every channel's edge uses these two functions: the web form refuses such text with a message
// the resident can act on; gateway callbacks (SMS, USSD) are cleaned and processed, because a
// gateway cannot be asked to resend and the resident's words must not be lost.

// C0 controls except \t \n \r, DEL, C1 controls, lone UTF-16 surrogates, and the bidi
// embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) that can disguise text.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's purpose.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** True when the text holds a character that `withoutControlCharacters` would remove. */
export function hasControlCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** The text with control characters removed (line breaks and tabs kept). Idempotent. */
export function withoutControlCharacters(text: string): string {
  return text.replace(UNSAFE, "");
}
