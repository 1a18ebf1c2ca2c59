// API contracts for impact stories (issue 7). The vocabulary and views are in stories-views.ts.
import { z } from "zod";
import {
  CONSENT_METHODS,
  NARRATIVE_MAX,
  STORY_ACTIONS,
  STORY_LANGUAGES,
  STORY_STATUSES,
  STORY_USES,
} from "./stories-views.ts";

export * from "./stories-views.ts";

const uuid = (what: string) => z.uuid(`is not ${what} id`);
const placeId = z.string().trim().min(1, "is required").max(80, "is not a place id");
const isoDate = z.iso.date("must be a date written YYYY-MM-DD");
const ids = (what: string) =>
  z
    .array(uuid(what))
    .max(50, "at most 50 links")
    .transform((list) => [...new Set(list)]);

const storyFields = {
  title: z.string().trim().min(3, "must be at least 3 characters").max(200, "must be at most 200 characters"),
  narrative: z
    .string()
    .trim()
    .min(20, "tell the story (at least 20 characters)")
    .max(NARRATIVE_MAX, `must be at most ${NARRATIVE_MAX} characters`),
  language: z.enum(STORY_LANGUAGES),
  activityIds: ids("an activity"),
  actionPointIds: ids("an action point"),
  placeIds: z
    .array(placeId)
    .max(20, "at most 20 places")
    .transform((list) => [...new Set(list)]),
  /** Pseudonymous codes ("P-7KQ3M2") of participants who agreed to be in stories. */
  participantCodes: z
    .array(z.string().trim().min(3, "is not a participant code").max(20, "is not a participant code"))
    .max(30, "at most 30 people"),
};

export const createStoryInput = z.strictObject({
  projectId: uuid("a project"),
  ...storyFields,
  activityIds: storyFields.activityIds.default([]),
  actionPointIds: storyFields.actionPointIds.default([]),
  placeIds: storyFields.placeIds.default([]),
  participantCodes: storyFields.participantCodes.default([]),
});
export type CreateStoryInput = z.infer<typeof createStoryInput>;

/** Only the fields sent change; a list sent replaces the links it names. */
export const updateStoryInput = z.strictObject({
  title: storyFields.title.optional(),
  narrative: storyFields.narrative.optional(),
  language: storyFields.language.optional(),
  activityIds: storyFields.activityIds.optional(),
  actionPointIds: storyFields.actionPointIds.optional(),
  placeIds: storyFields.placeIds.optional(),
  participantCodes: storyFields.participantCodes.optional(),
});
export type UpdateStoryInput = z.infer<typeof updateStoryInput>;

export const storyTransitionInput = z
  .strictObject({
    action: z.enum(STORY_ACTIONS),
    comment: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
  })
  .refine((t) => t.action !== "return" || (t.comment?.length ?? 0) >= 3, {
    path: ["comment"],
    message: "say what the author should change (at least 3 characters)",
  });
export type StoryTransitionInput = z.infer<typeof storyTransitionInput>;

export const storyConsentInput = z
  .strictObject({
    givenBy: z
      .string()
      .trim()
      .min(2, "say who gave consent, as a role or description")
      .max(200, "must be at most 200 characters"),
    method: z.enum(CONSENT_METHODS),
    witness: z.string().trim().max(200, "must be at most 200 characters").optional(),
    givenOn: isoDate,
    scope: z.enum(STORY_USES),
  })
  .refine((c) => c.method !== "verbal_witnessed" || (c.witness?.length ?? 0) >= 2, {
    path: ["witness"],
    message: "is required for verbal consent: say who witnessed it",
  });
export type StoryConsentInput = z.infer<typeof storyConsentInput>;

export const withdrawStoryConsentInput = z.strictObject({
  note: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
});

export const listStoriesQuery = z.strictObject({
  projectId: uuid("a project").optional(),
  status: z.enum(STORY_STATUSES).optional(),
  placeId: placeId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListStoriesQuery = z.infer<typeof listStoriesQuery>;
