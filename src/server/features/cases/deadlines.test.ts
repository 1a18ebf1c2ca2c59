import { describe, expect, it } from "vitest";
import {
  type CaseTimes,
  deadlinesFor,
  isOverdue,
  nextDue,
  RESPONSE_DEADLINES,
  stillOwed,
} from "./deadlines.ts";

const OPENED = new Date("2026-11-23T08:00:00.000Z");
const at = (iso: string) => new Date(iso);

describe("deadlinesFor", () => {
  it("gives an emergency 30 minutes to acknowledge and 24 hours to act, with reminders before and two rungs after", () => {
    const d = deadlinesFor("emergency", OPENED);
    expect(d.acknowledgeDueAt).toEqual(at("2026-11-23T08:30:00.000Z"));
    expect(d.actionDueAt).toEqual(at("2026-11-24T08:00:00.000Z"));
    expect(d.steps.map((s) => `${s.due}:${s.step}@${s.runAt.toISOString()}`)).toEqual([
      "acknowledge:remind@2026-11-23T08:20:00.000Z",
      "acknowledge:supervisor@2026-11-23T08:30:00.000Z",
      "acknowledge:programme@2026-11-23T09:00:00.000Z",
      "act:remind@2026-11-24T06:00:00.000Z",
      "act:supervisor@2026-11-24T08:00:00.000Z",
      "act:programme@2026-11-24T12:00:00.000Z",
    ]);
  });

  it("orders the deadlines for every urgency: reminders before, escalations after", () => {
    for (const urgency of ["emergency", "high", "routine"] as const) {
      const d = deadlinesFor(urgency, OPENED);
      expect(d.acknowledgeDueAt.getTime()).toBeLessThanOrEqual(d.actionDueAt.getTime());
      for (const due of ["acknowledge", "act"] as const) {
        const [remind, supervisor, programme] = d.steps
          .filter((s) => s.due === due)
          .map((s) => s.runAt.getTime());
        expect(remind).toBeLessThan(supervisor ?? 0);
        expect(supervisor).toBeLessThan(programme ?? 0);
      }
    }
  });

  it("sends a reminder at opening when the lead time is longer than the deadline", () => {
    const policies = {
      ...RESPONSE_DEADLINES,
      emergency: { ...RESPONSE_DEADLINES.emergency, remindBeforeMs: { acknowledge: 3_600_000, act: 0 } },
    };
    expect(deadlinesFor("emergency", OPENED, policies).steps[0]?.runAt).toEqual(OPENED);
  });
});

describe("what is owed", () => {
  const base: CaseTimes = {
    status: "open",
    acknowledgeDueAt: at("2026-11-23T08:30:00.000Z"),
    actionDueAt: at("2026-11-24T08:00:00.000Z"),
    firstActionAt: null,
  };

  it("owes an acknowledgement while open, then a first action, then nothing", () => {
    expect(nextDue(base, at("2026-11-23T08:10:00.000Z"))).toEqual({
      kind: "acknowledge",
      at: base.acknowledgeDueAt,
      overdue: false,
    });
    expect(nextDue({ ...base, status: "acknowledged" }, at("2026-11-24T09:00:00.000Z"))).toEqual({
      kind: "act",
      at: base.actionDueAt,
      overdue: true,
    });
    expect(nextDue({ ...base, status: "in_progress", firstActionAt: OPENED }, OPENED)).toBeNull();
    expect(nextDue({ ...base, status: "closed_no_action" }, OPENED)).toBeNull();
    expect(stillOwed("act", { status: "acknowledged", firstActionAt: OPENED })).toBe(false);
  });

  it("counts a case overdue on either deadline", () => {
    expect(isOverdue(base, at("2026-11-23T08:29:00.000Z"))).toBe(false);
    expect(isOverdue(base, at("2026-11-23T08:31:00.000Z"))).toBe(true);
    expect(isOverdue({ ...base, status: "acknowledged" }, at("2026-11-23T08:31:00.000Z"))).toBe(false);
    expect(isOverdue({ ...base, status: "acknowledged" }, at("2026-11-24T08:01:00.000Z"))).toBe(true);
    expect(isOverdue({ ...base, status: "resolved" }, at("2026-12-24T08:01:00.000Z"))).toBe(false);
  });
});
