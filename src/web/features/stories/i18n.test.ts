import { describe, expect, it } from "vitest";
import {
  CONSENT_METHODS,
  STORY_ACTIONS,
  STORY_LANGUAGES,
  STORY_STATUSES,
  STORY_USES,
} from "../../../common/contracts/stories-views.ts";
import { storiesEn } from "./i18n.en.ts";
import { storiesSw } from "./i18n.sw.ts";

const vocabularies = {
  statuses: STORY_STATUSES,
  languages: STORY_LANGUAGES,
  uses: STORY_USES,
  consentMethods: CONSENT_METHODS,
  actions: STORY_ACTIONS,
  moved: STORY_ACTIONS,
} as const;

describe("impact-story vocabulary in the interface", () => {
  it.each([
    ["English", storiesEn],
    ["Kiswahili", storiesSw],
  ] as const)("every value the server can send has a label in %s", (_language, text) => {
    const missing = Object.entries(vocabularies).flatMap(([scope, values]) =>
      values
        .filter((v) => !(text[scope as keyof typeof vocabularies] as Record<string, string>)[v])
        .map((v) => `${scope}.${v}`),
    );
    expect(missing).toEqual([]);
  });
});
