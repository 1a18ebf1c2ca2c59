// Demo responders and routing: the Kaptembwo station (its OCS is responder.kaptembwo@baraza.test),
// programme desks per county, the oversight desk, and rules that send emergencies to the police,
// GBV also to counsellors, and everything else to the programme. Created through the services.
import { inArray } from "drizzle-orm";
import type { ResponderUnitKind } from "../../../common/contracts/cases.ts";
import type { CategoryCode } from "../../../common/taxonomy.ts";
import type { Deps } from "../../deps.ts";
import type { Principal } from "../../lib/scope.ts";
import { users } from "../users/users.table.ts";
import { seedCaseHistoryDemo } from "./case-history.demo.ts";
import { createResponderUnit, setUnitMembers } from "./responders.service.ts";
import { createRoutingRule } from "./routing-rules.service.ts";

interface DemoUnit {
  name: string;
  kind: ResponderUnitKind;
  org: string;
  areas: string[];
  categories?: CategoryCode[];
  members: { email: string; supervisor: boolean; phone?: string }[];
}

export async function seedCasesDemo(
  deps: Deps,
  principal: Principal,
  orgIds: ReadonlyMap<string, string>,
): Promise<void> {
  const units: DemoUnit[] = [
    {
      name: "Kaptembwo Police Station (demo)",
      kind: "police_station",
      org: "rv",
      areas: ["w:0872"],
      // Made-up numbers in the demo range; the console SMS driver only prints them masked. The
      // sub-county commander supervises the station: a missed deadline escalates to them first.
      members: [
        { email: "responder.kaptembwo@baraza.test", supervisor: false, phone: "+254700000101" },
        { email: "commander.nakuru@baraza.test", supervisor: true, phone: "+254700000102" },
      ],
    },
    {
      name: "Nakuru programme desk (demo)",
      kind: "programme",
      org: "rv",
      areas: ["c:032"],
      members: [{ email: "officer.nakuru@baraza.test", supervisor: true }],
    },
    {
      name: "Mombasa programme desk (demo)",
      kind: "programme",
      org: "rv",
      areas: ["c:001"],
      members: [{ email: "officer.mombasa@baraza.test", supervisor: true }],
    },
    {
      name: "Nairobi programme desk (demo)",
      kind: "programme",
      org: "pm",
      areas: ["c:047"],
      members: [{ email: "officer@baraza.test", supervisor: true }],
    },
    {
      name: "Police oversight desk (demo)",
      kind: "oversight",
      org: "rv",
      areas: ["ke"],
      members: [{ email: "oversight@baraza.test", supervisor: true }],
    },
    {
      name: "Mombasa counsellors (demo)",
      kind: "counsellor",
      org: "rv",
      areas: ["c:001"],
      categories: ["gbv"],
      members: [],
    },
    {
      // No rule sends anything to chiefs yet: administrators add such rules (see the routing journey).
      name: "Kaptembwo chief (demo)",
      kind: "chief",
      org: "rv",
      areas: ["w:0872"],
      members: [],
    },
  ];
  const emails = units.flatMap((u) => u.members.map((m) => m.email));
  const userRows = await deps.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const idOf = (email: string) => userRows.find((u) => u.email === email)?.id ?? "";
  for (const unit of units) {
    const created = await createResponderUnit(deps, principal, {
      name: unit.name,
      kind: unit.kind,
      organisationId: orgIds.get(unit.org) ?? "",
      areaPlaceIds: unit.areas,
      categories: unit.categories ?? [],
    });
    if (unit.members.length > 0)
      await setUnitMembers(deps, principal, created.id, {
        members: unit.members.map((m) => ({
          userId: idOf(m.email),
          supervisor: m.supervisor,
          phone: m.phone,
        })),
      });
  }
  const rules = [
    {
      name: "Emergencies and serious violence go to the police station",
      categories: [
        "gang_crime",
        "public_order",
        "violent_extremism",
        "communal_conflict",
        "election_violence",
        "gbv",
      ],
      urgencies: ["emergency", "high"],
      targetKinds: ["police_station"],
      isDefault: false,
    },
    {
      name: "Gender-based violence also goes to counsellors",
      categories: ["gbv"],
      urgencies: [],
      targetKinds: ["counsellor"],
      isDefault: false,
    },
    {
      name: "Everything else: the programme desk",
      categories: [],
      urgencies: [],
      targetKinds: ["programme"],
      isDefault: true,
    },
  ] as const;
  for (const rule of rules)
    await createRoutingRule(deps, principal, {
      ...rule,
      categories: [...rule.categories],
      urgencies: [...rule.urgencies],
      targetKinds: [...rule.targetKinds],
      priority: 100,
      placeId: null,
      active: true,
    });
  await seedCaseHistoryDemo(deps, principal);
}
