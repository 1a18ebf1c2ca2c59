import { describe } from "vitest";
import {
  ACTION_POINT_STATUSES,
  ACTIVITY_TYPES,
  AGE_BANDS,
  DIALOGUE_GROUPS,
  DIMENSIONS,
  DISABILITY_ANSWERS,
  GENDERS,
  INDICATOR_TYPES,
  PARTICIPANT_ROLES,
  PEACE_ACTION_KINDS,
} from "../../../common/contracts/programmes-vocabulary.ts";
import { itLabelsEveryValue } from "../../i18n/vocabulary-labels.fixture.ts";
import { programmesEn } from "./i18n.en.ts";
import { programmesSw } from "./i18n.sw.ts";

const vocabularies = {
  activityTypes: ACTIVITY_TYPES,
  peaceActionKinds: PEACE_ACTION_KINDS,
  groups: [...DIALOGUE_GROUPS, "none"],
  genders: GENDERS,
  ageBands: AGE_BANDS,
  youth: ["youth", "not_youth", "unknown"],
  disability: DISABILITY_ANSWERS,
  participantRoles: PARTICIPANT_ROLES,
  indicatorTypes: INDICATOR_TYPES,
  dimensions: DIMENSIONS,
  actionPointStatuses: ACTION_POINT_STATUSES,
} as const;

describe("programme vocabulary in the interface", () => {
  itLabelsEveryValue(vocabularies, programmesEn, programmesSw);
});
