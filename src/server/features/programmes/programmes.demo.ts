// The programme part of the demo data set: a REINVENT-like programme with a Nakuru project modelled
// on MIDRIFT's Business Sector Engagement work (seed 003), a registry of clearly synthetic
// participants and a season of activities. Created through the services, so it is audited.
import type { CreateActivityInput, NewParticipantInput } from "../../../common/contracts/programmes.ts";
import type { Deps } from "../../deps.ts";
import type { Principal } from "../../lib/scope.ts";
import { createActivity } from "./activities.service.ts";
import { addIndicator, addIndicatorEntry } from "./indicators.service.ts";
import { createParticipant } from "./participants.service.ts";
import { createProgramme, createProject } from "./programmes.service.ts";

const FIRST_NAMES = [
  "Achieng",
  "Wanjiru",
  "Kiprono",
  "Chebet",
  "Otieno",
  "Njeri",
  "Kamau",
  "Nafula",
  "Mutua",
  "Akinyi",
  "Kibet",
  "Wambui",
  "Omondi",
  "Jeptoo",
  "Mwangi",
  "Atieno",
  "Kiplagat",
  "Nyambura",
  "Barasa",
  "Zawadi",
] as const;
const SURNAMES = ["Demo", "Mfano", "Sampuli"] as const;
const PLACES = ["l:kaptembwo", "l:soko-mjinga", "l:wakulima-market-nakuru", "l:rhonda"] as const;
const AGE_BANDS = ["18_24", "18_24", "25_34", "25_34", "35_49", "50_64"] as const;
const ROLES = ["community", "community", "community", "community", "police", "government", "cso"] as const;

/** Forty synthetic people: "Achieng Demo", "Wanjiru Mfano"… so nobody mistakes them for real ones. */
export function demoPeople(): (NewParticipantInput & { placeId: string })[] {
  return Array.from({ length: 40 }, (_, i) => ({
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[Math.floor(i / FIRST_NAMES.length) % SURNAMES.length]}`,
    // Gender alternates on a different cycle from age, so that every age band has women and men.
    gender: (i + Math.floor(i / 6)) % 2 === 0 ? "female" : "male",
    ageBand: AGE_BANDS[i % AGE_BANDS.length] ?? "unknown",
    disability: i % 9 === 4 ? "yes" : "no",
    role: ROLES[i % ROLES.length] ?? "community",
    placeId: PLACES[i % PLACES.length] ?? "l:kaptembwo",
    consentPurposes: ["attendance_records"],
    consentGivenOn: "2026-02-01",
  }));
}

const YEAR = { label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31" };

export async function seedProgrammesDemo(
  deps: Deps,
  principal: Principal,
  organisationId: string,
): Promise<void> {
  const programme = await createProgramme(deps, principal, {
    organisationId,
    name: "REINVENT (demo)",
    description:
      "Reducing insecurity and violent extremism: policing, peace building, TVAWG and election work.",
    placeId: "ke",
  });
  const project = await createProject(deps, principal, {
    programmeId: programme.id,
    name: "Business Sector Engagement in Peace and Security (demo)",
    goal: "Traders, market leaders and inspectorate officers work together for safe, well-run markets.",
    placeId: "c:032",
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    objectives: [
      {
        title: "Improved relationship between inspectorate officers and traders",
        outputs: [
          { title: "Dialogue sessions between traders and officers" },
          { title: "Market peace actions" },
        ],
      },
    ],
  });
  const output = project.results.find((r) => r.code === "1.1")?.id;
  await addIndicator(deps, principal, project.id, {
    name: "Traders, officers and residents reached",
    type: "unique_participants",
    resultId: output,
    baseline: 0,
    activityTypes: [],
    disaggregations: ["gender", "age_band", "role"],
    targets: [{ ...YEAR, value: 290 }],
  });
  await addIndicator(deps, principal, project.id, {
    name: "Dialogue sessions held",
    type: "activity_count",
    resultId: output,
    baseline: 0,
    activityTypes: ["dialogue_session"],
    disaggregations: [],
    targets: [{ ...YEAR, value: 24 }],
  });
  await addIndicator(deps, principal, project.id, {
    name: "Action points kept",
    type: "commitments_kept",
    baseline: 0,
    activityTypes: [],
    disaggregations: [],
    targets: [{ ...YEAR, value: 10 }],
  });
  const charters = await addIndicator(deps, principal, project.id, {
    name: "Police stations displaying the new service charter",
    type: "manual",
    baseline: 0,
    activityTypes: [],
    disaggregations: [],
    targets: [{ ...YEAR, value: 6 }],
  });
  await addIndicatorEntry(deps, principal, charters.id, {
    asOf: "2026-06-30",
    value: 6,
    evidence:
      "Charters mounted at Naivasha, Kaptembwo, Njoro, Loruk, Nginyang and Kabarnet (photos on file).",
  });

  const ids: string[] = [];
  for (const person of demoPeople())
    ids.push((await createParticipant(deps, principal, { ...person, organisationId })).participant.id);
  const some = (from: number, count: number) => ids.slice(from, from + count);
  const activities: CreateActivityInput[] = [
    dialogue(project.id, "2026-03-14", "youth", some(0, 14)),
    dialogue(project.id, "2026-04-18", "women", some(10, 12)),
    dialogue(project.id, "2026-06-06", "mixed", some(4, 20)),
    {
      projectId: project.id,
      type: "peace_action",
      peaceActionKind: "meal_sharing",
      title: "Meal sharing at Kaptembwo police post",
      heldOn: "2026-07-11",
      placeId: "l:kaptembwo",
      attendance: {
        participantIds: some(0, 18),
        newParticipants: [],
        anonymous: [
          { gender: "male", ageBand: "18_24", role: "community", disability: "unknown", count: 12 },
        ],
      },
    },
    {
      projectId: project.id,
      type: "police_cafe",
      heldOn: "2026-09-19",
      placeId: "l:wakulima-market-nakuru",
      attendance: { participantIds: some(20, 15), newParticipants: [], anonymous: [] },
    },
  ];
  for (const activity of activities) await createActivity(deps, principal, activity);
}

function dialogue(
  projectId: string,
  heldOn: string,
  group: "youth" | "women" | "mixed",
  participantIds: string[],
): CreateActivityInput {
  return {
    projectId,
    type: "dialogue_session",
    heldOn,
    placeId: "l:soko-mjinga",
    dialogue: {
      group,
      facilitators: ["MIDRIFT officer (demo)"],
      officialsPresent: ["Chief", "OCS Kaptembwo", "County inspectorate"],
      officersUnarmed: true,
      topics: ["Confidentiality when reporting", "Market drainage"],
      issuesRaised: ["Poor drainage at Soko Mjinga", "Luggage carriers without badges"],
      actionPoints: [
        { text: "Take the drainage problem to the ward MCA", owner: "Organising secretary" },
        { text: "Issue badges to luggage carriers", owner: "Market leadership" },
      ],
    },
    attendance: { participantIds, newParticipants: [], anonymous: [] },
  };
}
