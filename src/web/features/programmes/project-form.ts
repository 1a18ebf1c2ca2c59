// Turning the project form into API requests; pure, so that it is tested without a browser.

export interface ProjectFormValues {
  programmeId: string;
  name: string;
  goal: string;
  objective: string;
  placeId: string;
  startsOn: string;
  endsOn: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar date where the officer is (not in UTC: at 01:00 in Nairobi it is already today). */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A new project runs a year from today unless the officer says otherwise. */
export function defaultProjectPeriod(today: Date): { startsOn: string; endsOn: string } {
  const end = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate() - 1);
  return { startsOn: localIsoDate(today), endsOn: localIsoDate(end) };
}

export function projectPayload(form: ProjectFormValues) {
  const objective = form.objective.trim();
  return {
    programmeId: form.programmeId,
    name: form.name.trim(),
    ...(form.goal.trim() && { goal: form.goal.trim() }),
    placeId: form.placeId,
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    objectives: objective ? [{ title: objective, outputs: [] }] : [],
  };
}

/**
 * "How many people will the project reach?" becomes an indicator of unique participants with one target
 * over the project's whole period, broken down by gender and age band. Null when no number was given.
 */
export function reachIndicatorPayload(
  form: { peopleTarget: string; startsOn: string; endsOn: string },
  name: string,
) {
  const value = Number(form.peopleTarget);
  if (!form.peopleTarget.trim() || !Number.isFinite(value) || value <= 0) return null;
  return {
    name,
    type: "unique_participants",
    disaggregations: ["gender", "age_band"],
    targets: [
      { label: `${form.startsOn} – ${form.endsOn}`, startsOn: form.startsOn, endsOn: form.endsOn, value },
    ],
  };
}
