// Impact stories (issue 7): the words and what the API answers. Plain data and types without zod, so
// that the web app can import them.
import type { AttachmentView } from "./attachments.ts";
import type { PlaceKind } from "./places.ts";
import type { ActionPointStatus, ActivityType } from "./programmes-vocabulary.ts";

export const STORY_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Moves between statuses; editing a story that is not a draft also takes it back to draft. */
export const STORY_ACTIONS = ["submit", "approve", "return", "reopen"] as const;
export type StoryAction = (typeof STORY_ACTIONS)[number];
export const STORY_TRANSITIONS: Record<StoryAction, { from: readonly StoryStatus[]; to: StoryStatus }> = {
  submit: { from: ["draft", "returned"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted"], to: "returned" },
  reopen: { from: ["returned", "submitted"], to: "draft" },
};

export const STORY_LANGUAGES = ["sw", "en", "other"] as const;
export type StoryLanguage = (typeof STORY_LANGUAGES)[number];

export const CONSENT_METHODS = ["written", "verbal_witnessed"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** How far the storyteller allowed the story to go; each scope includes the ones before it. */
export const STORY_USES = ["internal", "donor_reports", "public"] as const;
export type StoryUse = (typeof STORY_USES)[number];

/** The consent scope `granted` covers the use `wanted`. */
export function consentCovers(granted: StoryUse, wanted: StoryUse): boolean {
  return STORY_USES.indexOf(granted) >= STORY_USES.indexOf(wanted);
}

/** The longest narrative accepted: a few pages, far beyond any story told at a baraza. */
export const NARRATIVE_MAX = 20_000;

export interface StoryConsentView {
  /** Who gave it, as a role or description ("the youth group's chairlady"); a name only if they wished. */
  givenBy: string;
  method: ConsentMethod;
  /** For verbal consent: who witnessed it, as a role or description. */
  witness: string | null;
  givenOn: string;
  scope: StoryUse;
  withdrawnOn: string | null;
  withdrawalNote: string | null;
}

export interface StorySummary {
  id: string;
  projectId: string;
  projectName: string;
  title: string;
  language: StoryLanguage;
  status: StoryStatus;
  placeNames: string[];
  authorName: string | null;
  updatedAt: string;
  /** The furthest the story may go now: null unless approved with consent in force. */
  usableFor: StoryUse | null;
  consentScope: StoryUse | null;
  consentWithdrawn: boolean;
}

export interface StoryActivityLink {
  id: string;
  type: ActivityType;
  title: string | null;
  heldOn: string;
  placeName: string;
}

export interface StoryActionPointLink {
  id: string;
  activityId: string;
  text: string;
  status: ActionPointStatus;
}

export interface StoryPlaceLink {
  id: string;
  name: string;
  kind: PlaceKind;
}

export interface StoryView extends StorySummary {
  organisationId: string;
  narrative: string;
  activities: StoryActivityLink[];
  actionPoints: StoryActionPointLink[];
  places: StoryPlaceLink[];
  /** The people the story is about, only as pseudonymous participant codes. */
  participantCodes: string[];
  consent: StoryConsentView | null;
  /** The approver's comment when the story was last returned. */
  returnComment: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
  /** The moves the reader may make now (an author never approves their own story). */
  yourActions: StoryAction[];
  /** The reader may edit the story and its consent. */
  canEdit: boolean;
  /** Evidence files: photos, signed consent forms, recordings. */
  attachments: AttachmentView[];
}
