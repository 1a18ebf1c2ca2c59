// The staff notice email's wording: minimal facts in the recipient's language, and a link.
import { describe, expect, it } from "vitest";
import { caseNoticeEmail } from "./notice-email.ts";

const facts = {
  caseId: "5f0c1e9a-0000-4000-8000-000000000001",
  number: "C-2026-0042",
  category: "gbv",
  urgency: "high",
  placeName: "Kaptembwo",
  dueAt: new Date("2026-11-23T09:30:00.000Z"),
  baseUrl: "https://baraza.example.org/",
};

describe("a case notice email", () => {
  it("gives the case number, category, place, urgency, due time (EAT) and a link to the case", () => {
    const email = caseNoticeEmail("en", { kind: "assigned", due: "acknowledge" }, facts);
    expect(email.subject).toBe("Baraza: Case C-2026-0042 assigned to your unit");
    expect(email.body).toContain("Case C-2026-0042 has been assigned to your unit.");
    expect(email.body).toContain("Category: Violence against women or girls");
    expect(email.body).toContain("Place: Kaptembwo");
    expect(email.body).toContain("Urgency: Serious: harm likely soon");
    expect(email.body).toMatch(/Acknowledge by: .*12:30.*\(EAT\)/);
    expect(email.body).toContain(`Open the case: https://baraza.example.org/cases/${facts.caseId}`);
  });

  it("speaks Kiswahili to a Kiswahili user, and says what is due for each rung", () => {
    const email = caseNoticeEmail("sw", { kind: "escalated", due: "act" }, facts);
    expect(email.subject).toBe("Baraza: Imepandishwa kwako: hakuna hatua kwenye kesi C-2026-0042 kwa wakati");
    expect(email.body).toContain("Aina: Dhuluma dhidi ya wanawake");
    expect(email.body).toContain("Hatua ya kwanza kabla ya:");
    expect(email.body).toContain("Fungua kesi: https://baraza.example.org/cases/");
    const reminder = caseNoticeEmail("en", { kind: "reminder", due: "act" }, { ...facts, placeName: null });
    expect(reminder.subject).toContain("needs a first action");
    expect(reminder.body).toContain("Place: not recorded");
  });
});
