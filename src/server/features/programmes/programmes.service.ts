// Programmes, projects and their logframes (goal, objectives, outputs). Indicators and their values
// are in indicators.service.ts.
import type {
  CreateProgrammeInput,
  CreateProjectInput,
  ResultKind,
} from "../../../common/contracts/programmes.ts";
import type { ProgrammeView, ProjectView, ResultView } from "../../../common/contracts/programmes-views.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { isPathWithin, type Principal, placeInScope } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { requireOrganisation } from "./participants.service.ts";
import { containerInScope, overlapsScope } from "./programme-scope.ts";
import * as repo from "./programmes.repo.ts";

async function knownPlace(deps: Deps, id: string) {
  const place = await repo.findPlace(deps.db, id);
  if (!place)
    throw badRequest(`placeId: there is no place "${id}"`, [
      { path: "placeId", message: "is not a known place" },
    ]);
  return place;
}

export function listProgrammes(deps: Deps, principal: Principal): Promise<ProgrammeView[]> {
  return repo.listProgrammes(deps.db, principal.scope);
}

/** A programme may span areas beyond the creator's (REINVENT ran in six counties), but must touch theirs. */
export async function createProgramme(
  deps: Deps,
  principal: Principal,
  input: CreateProgrammeInput,
): Promise<ProgrammeView> {
  requireOrganisation(principal, input.organisationId);
  return inTransaction(deps, async (tx) => {
    const place = await knownPlace(tx, input.placeId);
    if (!overlapsScope(principal.scope, place.path))
      throw forbidden("You can only create programmes that cover some of your own areas.");
    const row = await repo.insertProgramme(tx.db, {
      organisationId: input.organisationId,
      name: input.name,
      description: input.description?.trim() || null,
      placeId: place.id,
      placePath: place.path,
      createdAt: tx.now(),
    });
    if (!row) throw conflict(`Your organisation already has a programme named "${input.name}".`);
    await recordAudit(tx, actorOf(principal), {
      action: "programme.create",
      entityType: "programme",
      entityId: row.id,
      organisationId: row.organisationId,
      placePath: row.placePath,
      after: { name: row.name, placeId: row.placeId },
    });
    const [view] = (await repo.listProgrammes(tx.db, principal.scope)).filter((p) => p.id === row.id);
    if (!view) throw new Error("a programme just created is not visible to its creator");
    return view;
  });
}

/** The project, when the reader may see it; out-of-scope projects are "not found". */
export async function visibleProject(deps: Deps, principal: Principal, id: string) {
  const project = isUuid(id) ? await repo.findProject(deps.db, id) : null;
  if (!project || !containerInScope(principal.scope, project.organisationId, project.placePath))
    throw notFound("Project");
  return project;
}

/** Changing a project's logframe needs the whole project within the writer's areas. */
export async function writableProject(deps: Deps, principal: Principal, id: string) {
  const project = await visibleProject(deps, principal, id);
  if (!placeInScope(principal.scope, project.placePath))
    throw forbidden(`Only staff covering all of ${project.placeName} can change this project's logframe.`);
  return project;
}

export async function getProject(deps: Deps, principal: Principal, id: string): Promise<ProjectView> {
  const project = await visibleProject(deps, principal, id);
  return {
    id: project.id,
    programmeId: project.programmeId,
    programmeName: project.programmeName,
    organisationId: project.organisationId,
    name: project.name,
    goal: project.goal,
    placeId: project.placeId,
    placeName: project.placeName,
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    results: await repo.listResults(deps.db, project.id),
    indicators: await repo.listIndicators(deps.db, project.id),
    partialScope: !placeInScope(principal.scope, project.placePath),
  };
}

export async function createProject(
  deps: Deps,
  principal: Principal,
  input: CreateProjectInput,
): Promise<ProjectView> {
  const projectId = await inTransaction(deps, async (tx) => {
    const programme = isUuid(input.programmeId) ? await repo.findProgramme(tx.db, input.programmeId) : null;
    if (!programme || !containerInScope(principal.scope, programme.organisationId, programme.placePath))
      throw badRequest("programmeId: there is no such programme among yours", [
        { path: "programmeId", message: "is not one of your programmes" },
      ]);
    const place = await knownPlace(tx, input.placeId);
    if (!isPathWithin(place.path, programme.placePath))
      throw badRequest(`placeId: ${place.name} is outside the programme's area`, [
        { path: "placeId", message: "must lie within the programme's area" },
      ]);
    if (!placeInScope(principal.scope, place.path))
      throw forbidden("You can only create projects within your own areas.");
    const row = await repo.insertProject(tx.db, {
      programmeId: programme.id,
      organisationId: programme.organisationId,
      name: input.name,
      goal: input.goal?.trim() || null,
      placeId: place.id,
      placePath: place.path,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      createdAt: tx.now(),
    });
    if (!row) throw conflict(`The programme already has a project named "${input.name}".`);
    let position = 0;
    for (const [i, objective] of input.objectives.entries()) {
      const parent = await repo.insertResult(tx.db, {
        projectId: row.id,
        kind: "objective",
        code: String(i + 1),
        title: objective.title,
        position: position++,
      });
      for (const [j, output] of objective.outputs.entries())
        await repo.insertResult(tx.db, {
          projectId: row.id,
          kind: "output",
          parentId: parent.id,
          code: `${i + 1}.${j + 1}`,
          title: output.title,
          position: position++,
        });
    }
    await recordAudit(tx, actorOf(principal), {
      action: "project.create",
      entityType: "project",
      entityId: row.id,
      organisationId: row.organisationId,
      placePath: row.placePath,
      after: {
        programmeId: row.programmeId,
        name: row.name,
        goal: row.goal,
        placeId: row.placeId,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        objectives: input.objectives,
      },
    });
    return row.id;
  });
  return getProject(deps, principal, projectId);
}

/** Adds an objective, or an output under one; codes follow the logframe's numbering ("2", "2.3"). */
export async function addResult(
  deps: Deps,
  principal: Principal,
  projectId: string,
  input: { kind: ResultKind; title: string; parentId?: string | undefined },
): Promise<ResultView> {
  return inTransaction(deps, async (tx) => {
    const project = await writableProject(tx, principal, projectId);
    const results = await repo.listResults(tx.db, project.id);
    let code: string;
    if (input.kind === "objective") {
      if (input.parentId)
        throw badRequest("parentId: an objective sits directly under the goal", [
          { path: "parentId", message: "must be left out for an objective" },
        ]);
      code = String(results.filter((r) => r.kind === "objective").length + 1);
    } else {
      const parent = results.find((r) => r.id === input.parentId && r.kind === "objective");
      if (!parent)
        throw badRequest("parentId: an output needs the objective it serves", [
          { path: "parentId", message: "must be an objective of this project" },
        ]);
      code = `${parent.code}.${results.filter((r) => r.parentId === parent.id).length + 1}`;
    }
    const result = await repo.insertResult(tx.db, {
      projectId: project.id,
      kind: input.kind,
      parentId: input.parentId ?? null,
      code,
      title: input.title,
      position: results.length,
    });
    await recordAudit(tx, actorOf(principal), {
      action: "project.add_result",
      entityType: "project",
      entityId: project.id,
      organisationId: project.organisationId,
      placePath: project.placePath,
      after: result,
    });
    return result;
  });
}
