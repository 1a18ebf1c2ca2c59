// The referral pages under /referrals, for people who may refer (programme writers) or counsel.
import type { RouteObject } from "react-router";
import { Gated } from "../../app/gated.tsx";
import { AREA_GATES, type Gate } from "../../app/navigation.ts";
import { ReferralNewPage } from "./referral-new-page.tsx";
import { ReferralPage } from "./referral-page.tsx";
import { ReferralsPage } from "./referrals-page.tsx";

/** The form lists the caller's projects, which needs programme data. */
const CREATE: Gate = { anyOf: ["programmes.write"] };

export const referralRoutes: RouteObject[] = [
  {
    path: "referrals",
    element: (
      <Gated gate={AREA_GATES.referrals}>
        <ReferralsPage />
      </Gated>
    ),
  },
  {
    path: "referrals/new",
    element: (
      <Gated gate={CREATE}>
        <ReferralNewPage />
      </Gated>
    ),
  },
  {
    path: "referrals/:referralId",
    element: (
      <Gated gate={AREA_GATES.referrals}>
        <ReferralPage />
      </Gated>
    ),
  },
];
