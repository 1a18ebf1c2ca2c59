// The impact-story part of the demo data set: three clearly synthetic stories of the Nakuru demo
// project (one approved for donor reports, one waiting for approval, one draft without consent).
// Created through the services, so they are audited like real ones.
import type { Deps } from "../../deps.ts";
import type { Principal } from "../../lib/scope.ts";
import { getActivity, listActivities } from "../programmes/activities.service.ts";
import { createStory } from "./stories.service.ts";
import { recordStoryConsent, transitionStory } from "./story-lifecycle.service.ts";

const DEMO_PROJECT = "Business Sector Engagement in Peace and Security (demo)";

export async function seedStoriesDemo(deps: Deps, principal: Principal): Promise<void> {
  const all = await listActivities(deps, principal, { limit: 200, offset: 0 });
  const dialogues = all
    .filter((a) => a.projectName === DEMO_PROJECT && a.type === "dialogue_session")
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const youth = dialogues[0];
  if (!youth) return;
  const points = (await getActivity(deps, principal, youth.id)).dialogue?.actionPoints ?? [];
  const drainage = points.find((p) => p.text.includes("drainage"));
  const approved = await createStory(deps, principal, {
    projectId: youth.projectId,
    title: "Soko Mjinga traders and officers clear the drains together (demo)",
    narrative:
      "Synthetic demo story. At the youth dialogue in March, traders said the blocked drains at Soko " +
      "Mjinga flooded their stalls every rain. The organising secretary took the problem to the ward MCA, " +
      "and in May the county sent a crew. Traders and inspectorate officers cleared the last stretch " +
      "together on a Saturday, and the market chairlady says officers now greet traders by name.",
    language: "en",
    activityIds: [youth.id],
    actionPointIds: drainage ? [drainage.id] : [],
    placeIds: ["l:soko-mjinga"],
    participantCodes: [],
  });
  await recordStoryConsent(deps, principal, approved.id, {
    givenBy: "Market chairlady (demo)",
    method: "written",
    givenOn: "2026-06-10",
    scope: "donor_reports",
  });
  await transitionStory(deps, principal, approved.id, { action: "submit" });
  await transitionStory(deps, principal, approved.id, { action: "approve" });

  const submitted = await createStory(deps, principal, {
    projectId: youth.projectId,
    title: "Luggage carriers get badges (demo)",
    narrative:
      "Synthetic demo story. Women traders told the April dialogue that unknown luggage carriers " +
      "followed customers. The market leadership now issues badges, and the women's group says fewer " +
      "bags go missing on market days.",
    language: "sw",
    activityIds: dialogues[1] ? [dialogues[1].id] : [],
    actionPointIds: [],
    placeIds: ["l:wakulima-market-nakuru"],
    participantCodes: [],
  });
  await recordStoryConsent(deps, principal, submitted.id, {
    givenBy: "Women's group treasurer (demo)",
    method: "verbal_witnessed",
    witness: "Assistant chief (demo)",
    givenOn: "2026-05-02",
    scope: "public",
  });
  await transitionStory(deps, principal, submitted.id, { action: "submit" });

  await createStory(deps, principal, {
    projectId: youth.projectId,
    title: "A police café at Wakulima market (demo, draft)",
    narrative:
      "Synthetic demo draft. Notes from the September police café: traders asked for a reporting desk " +
      "inside the market. Consent still to be asked for before this story goes anywhere.",
    language: "en",
    activityIds: [],
    actionPointIds: [],
    placeIds: ["l:wakulima-market-nakuru"],
    participantCodes: [],
  });
}
