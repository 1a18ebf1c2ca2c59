import { describe, expect, it } from "vitest";
import { createIndicatorInput, createProjectInput } from "../../../common/contracts/programmes.ts";
import { defaultProjectPeriod, projectPayload, reachIndicatorPayload } from "./project-form.ts";

const form = {
  programmeId: "5f0c6a3e-8a55-4b8e-9d55-1b9f3a0c2d11",
  name: " Youth dialogues Kaptembwo ",
  goal: "",
  objective: "Trust between youth and police",
  placeId: "l:kaptembwo",
  startsOn: "2026-11-23",
  endsOn: "2027-11-22",
};

describe("the new-project form", () => {
  it("runs a year from today by default", () => {
    expect(defaultProjectPeriod(new Date(2026, 10, 23, 1, 30))).toEqual({
      startsOn: "2026-11-23",
      endsOn: "2027-11-22",
    });
  });

  it("ends the day before the anniversary, also across a month end", () => {
    expect(defaultProjectPeriod(new Date(2026, 2, 1, 9))).toEqual({
      startsOn: "2026-03-01",
      endsOn: "2027-02-28",
    });
  });

  it("sends what the server accepts", () => {
    const payload = projectPayload(form);
    expect(createProjectInput.safeParse(payload).success).toBe(true);
    expect(payload).toMatchObject({
      name: "Youth dialogues Kaptembwo",
      objectives: [{ title: "Trust between youth and police" }],
    });
    expect(payload).not.toHaveProperty("goal");
  });

  it("turns a target of 450 people into a unique-reach indicator over the project period", () => {
    const indicator = reachIndicatorPayload({ ...form, peopleTarget: "450" }, "People reached");
    expect(createIndicatorInput.safeParse(indicator).success).toBe(true);
    expect(indicator).toMatchObject({
      type: "unique_participants",
      targets: [{ startsOn: "2026-11-23", endsOn: "2027-11-22", value: 450 }],
    });
  });

  it("adds no indicator when no sensible number was given", () => {
    for (const peopleTarget of ["", " ", "0", "-3", "many"])
      expect(reachIndicatorPayload({ ...form, peopleTarget }, "x")).toBeNull();
  });
});
