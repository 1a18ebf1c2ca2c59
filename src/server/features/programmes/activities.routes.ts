import type { FastifyInstance } from "fastify";
import {
  attendanceInput,
  createActivityInput,
  listActivitiesQuery,
  removeAttendanceInput,
  updateActionPointInput,
  updateActivityInput,
} from "../../../common/contracts/programmes.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { registerAttachmentRoutes } from "../attachments/attachment-routes.ts";
import * as activities from "./activities.service.ts";
import { updateActivity } from "./activity-edit.service.ts";
import { activityFilesPolicy } from "./programme-files.service.ts";
import { principalWith } from "./route-guards.ts";

type WithId = { Params: { id: string } };

export function activitiesRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/activities", async (request) => {
    const principal = principalWith(request, "programmes.read");
    const query = parseInput(listActivitiesQuery, request.query, "query");
    return { activities: await activities.listActivities(deps, principal, query) };
  });

  app.post("/api/activities", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const result = await activities.createActivity(
      deps,
      principal,
      parseInput(createActivityInput, request.body),
    );
    return reply.status(201).send(result);
  });

  app.get<WithId>("/api/activities/:id", async (request) => ({
    activity: await activities.getActivity(
      deps,
      principalWith(request, "programmes.read"),
      request.params.id,
    ),
  }));

  app.patch<WithId>("/api/activities/:id", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(updateActivityInput, request.body);
    return { activity: await updateActivity(deps, principal, request.params.id, input) };
  });

  app.post<WithId>("/api/activities/:id/attendance", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(attendanceInput, request.body);
    return activities.recordAttendance(deps, principal, request.params.id, input);
  });

  app.post<WithId>("/api/activities/:id/attendance/remove", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const { participantIds } = parseInput(removeAttendanceInput, request.body);
    return {
      activity: await activities.removeAttendance(deps, principal, request.params.id, participantIds),
    };
  });

  registerAttachmentRoutes(app, deps, {
    path: "/api/activities/:id/attachments",
    ownerKind: "activity",
    authorise: async (request, id, mode) => {
      const { principal } = requireAuth(request);
      return { principal, ...(await activityFilesPolicy(deps, principal, id, mode)) };
    },
  });

  app.patch<WithId>("/api/action-points/:id", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(updateActionPointInput, request.body);
    return { actionPoint: await activities.updateActionPoint(deps, principal, request.params.id, input) };
  });
}
