/** REST operations of people, tokens and the audit log, for the OpenAPI document. */
import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { auditEventSchema, eventsQuerySchema } from "@/lib/audit/schemas";
import { createTokenSchema, createUserSchema } from "./schemas";

export const authOperations: Operation[] = [
  {
    method: "post",
    path: "/users",
    summary: "Add a person to a programme with a role (manager); service accounts are added on the programme's People page",
    tag: "People",
    query: z.object({ programme: z.string().describe("programme slug") }),
    body: createUserSchema,
    responses: { 201: { description: "Created", schema: z.object({ id: z.string(), email: z.string() }) } },
  },
  {
    method: "post",
    path: "/tokens",
    summary: "Create an API token (shown once): for yourself; as a programme manager, for a service account of your programme (reaching that programme only); as the deployment administrator, for anyone",
    tag: "People",
    body: createTokenSchema,
    responses: { 201: { description: "Created", schema: z.object({ token: z.string() }) } },
  },
  {
    method: "get",
    path: "/programmes/{slug}/events",
    summary: "The audit events, oldest first",
    tag: "Audit",
    query: eventsQuerySchema,
    responses: { 200: { description: "Events", schema: z.array(auditEventSchema) } },
  },
];
