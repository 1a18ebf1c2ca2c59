import { describe, expect, it } from "vitest";
import { createActivityInput } from "../../../common/contracts/programmes.ts";
import type { ParticipantView } from "../../../common/contracts/programmes-views.ts";
import { type ActivityFormValues, activityPayload, attendanceTotal } from "./activity-form.ts";

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
