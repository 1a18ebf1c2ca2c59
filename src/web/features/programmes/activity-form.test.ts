import { describe, expect, it } from "vitest";
import { createActivityInput, updateActivityInput } from "../../../common/contracts/programmes.ts";
import type { ActivityView, ParticipantView } from "../../../common/contracts/programmes-views.ts";
import {
  type ActivityFormValues,
  actionPointsPayload,
  activityEditPayload,
  activityPayload,
  attendanceTotal,
  formValuesOf,
} from "./activity-form.ts";

const PROJECT = "5f0c6a3e-8a55-4b8e-9d55-1b9f3a0c2d11";
const PERSON = "0b7e3d2a-1c4f-4a8b-9e6d-2f5a8c9b0d12";

const values: ActivityFormValues = {
  type: "dialogue_session",
  title: "",
  heldOn: "2026-11-23",
  notes: "",
  peaceActionKind: "",
  group: "youth",
  facilitators: "Fatuma, Juma",
  officialsPresent: "Chief\nOCS Kaptembwo",
  officersUnarmed: "yes",
  topics: "",
  issuesRaised: "Drainage at Soko Mjinga\n\nConfidentiality ",
  actionPoints: "Raise the drainage with the MCA",
};
const attendance = {
  present: new Map([[PERSON, { id: PERSON } as ParticipantView]]),
  newPeople: [
    {
      key: "n1",
      name: " Juma Otieno ",
      phone: "",
      gender: "male",
      ageBand: "18_24",
      role: "community",
      disability: "no",
    },
  ],
  heads: { female: "4", male: "", other: "x" },
};

describe("the activity form", () => {
  it("sends a youth dialogue with its people, new people and head counts as the server accepts it", () => {
    const payload = activityPayload(PROJECT, "l:kaptembwo", values, attendance);
    const parsed = createActivityInput.safeParse(payload);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(payload.dialogue).toMatchObject({
      facilitators: ["Fatuma", "Juma"],
      officialsPresent: ["Chief", "OCS Kaptembwo"],
      officersUnarmed: true,
      issuesRaised: ["Drainage at Soko Mjinga", "Confidentiality"],
      actionPoints: [{ text: "Raise the drainage with the MCA" }],
    });
    expect(payload.attendance).toEqual({
      participantIds: [PERSON],
      newParticipants: [
        {
          name: "Juma Otieno",
          gender: "male",
          ageBand: "18_24",
          role: "community",
          disability: "no",
          placeId: "l:kaptembwo",
          consentPurposes: ["attendance_records"],
        },
      ],
      anonymous: [{ gender: "female", count: 4 }],
    });
    expect(attendanceTotal(attendance)).toBe(6);
  });

  it("sends no dialogue details for other activities", () => {
    const payload = activityPayload(PROJECT, "l:kaptembwo", { ...values, type: "police_cafe" }, attendance);
    expect(payload).not.toHaveProperty("dialogue");
    expect(createActivityInput.safeParse(payload).success).toBe(true);
  });
});

const KEPT = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const OPEN = "8d2e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a";
const point = (id: string, text: string, status: "open" | "kept" = "open") => ({
  id,
  text,
  owner: status === "kept" ? "Chair" : null,
  dueOn: null,
  status,
  evidence: null,
});
const recorded = {
  id: "9e3f4a5b-6c7d-4e8f-8a9b-1c2d3e4f5a6b",
  projectId: PROJECT,
  type: "dialogue_session",
  title: null,
  heldOn: "2026-03-14",
  placeId: "l:kaptembwo",
  notes: "Held under the mango tree",
  peaceActionKind: null,
  dialogue: {
    group: "women",
    facilitators: ["Fatuma", "Juma"],
    officialsPresent: ["Chief"],
    officersUnarmed: null,
    topics: [],
    issuesRaised: ["Drainage", "Street lights"],
    actionPoints: [point(KEPT, "Raise the drainage", "kept"), point(OPEN, "Ask about the lights")],
  },
  updatedAt: "2026-03-14T10:00:00.000Z",
} as unknown as ActivityView;

describe("editing an activity with the same form", () => {
  it("fills the form with what was recorded, and sends it back unchanged as the server accepts it", () => {
    const v = formValuesOf(recorded);
    expect(v).toMatchObject({
      group: "women",
      facilitators: "Fatuma, Juma",
      officersUnarmed: "",
      issuesRaised: "Drainage\nStreet lights",
      actionPoints: "Raise the drainage\nAsk about the lights",
    });
    const payload = activityEditPayload(recorded, PROJECT, "l:kaptembwo", v);
    const parsed = updateActivityInput.safeParse(payload);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(payload).toMatchObject({
      updatedAt: recorded.updatedAt,
      notes: "Held under the mango tree",
      peaceActionKind: null,
      dialogue: {
        group: "women",
        facilitators: ["Fatuma", "Juma"],
        actionPoints: [
          { id: KEPT, text: "Raise the drainage", owner: "Chair" },
          { id: OPEN, text: "Ask about the lights" },
        ],
      },
    });
  });

  it("a reworded action point keeps its identity, a new line is a new point, a deleted line removes one", () => {
    expect(
      actionPointsPayload(
        "Raise the drainage with the MCA\nAsk about the lights\nPlant trees",
        recorded.dialogue?.actionPoints ?? [],
      ),
    ).toEqual([
      { id: KEPT, text: "Raise the drainage with the MCA", owner: "Chair" },
      { id: OPEN, text: "Ask about the lights" },
      { text: "Plant trees" },
    ]);
    expect(actionPointsPayload("Ask about the lights", recorded.dialogue?.actionPoints ?? [])).toEqual([
      { id: OPEN, text: "Ask about the lights" },
    ]);
  });

  it("turning a dialogue into a café sends no dialogue details", () => {
    const v = { ...formValuesOf(recorded), type: "police_cafe" as const };
    const payload = activityEditPayload(recorded, PROJECT, "l:kaptembwo", v);
    expect(payload).not.toHaveProperty("dialogue");
    expect(updateActivityInput.safeParse(payload).success).toBe(true);
  });
});
