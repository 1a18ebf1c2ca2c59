// For a feature's i18n.test.ts: every value the server can send (the contracts' vocabularies) has a
// label in the feature's English and Kiswahili texts, at `<scope>.<value>`.
import { expect, it } from "vitest";

type Vocabularies = Record<string, readonly string[]>;
type Texts<V extends Vocabularies> = { [scope in keyof V]: Record<string, string> };

/** The `<scope>.<value>` keys that have no label in `text`. */
export function missingLabels<V extends Vocabularies>(text: Texts<V>, vocabularies: V): string[] {
  return Object.entries(vocabularies).flatMap(([scope, values]) =>
    values.filter((v) => !(text[scope] as Record<string, string>)[v]).map((v) => `${scope}.${v}`),
  );
}

/** One test per language: no value of `vocabularies` lacks a label. Call inside a describe block. */
export function itLabelsEveryValue<V extends Vocabularies>(
  vocabularies: V,
  en: Texts<V>,
  sw: Texts<V>,
): void {
  it.each([
    ["English", en],
    ["Kiswahili", sw],
  ] as const)("every value the server can send has a label in %s", (_language, text) => {
    expect(missingLabels(text, vocabularies)).toEqual([]);
  });
}
