import { describe } from "vitest";
import {
  CONSENT_METHODS,
  STORY_ACTIONS,
  STORY_LANGUAGES,
  STORY_STATUSES,
  STORY_USES,
} from "../../../common/contracts/stories-views.ts";
import { itLabelsEveryValue } from "../../i18n/vocabulary-labels.fixture.ts";
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
  itLabelsEveryValue(vocabularies, storiesEn, storiesSw);
});
