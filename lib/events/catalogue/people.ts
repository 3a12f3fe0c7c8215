/** Events about people and access: memberships, accounts and API tokens. */
import * as z from "zod";
import { roleSchema } from "@/lib/auth/schemas";
import { defineEvent, id, instant, names, text } from "./kit";

const role = z.strictObject({ role: roleSchema });
const teams = z.strictObject({ teams: z.array(z.strictObject({ team: text, lead: z.boolean() })) });
const email = z.strictObject({ email: text });
const purpose = z.enum(["invitation", "password_reset"]);
const issued = z.strictObject({ userId: id, email: text, name: text, expiresAt: instant });

export const peopleEvents = {
  // The entity of a membership event is the member's user id.
  "membership.created": defineEvent("membership", { after: z.strictObject({ email: text, name: text, role: roleSchema, teams: names }) }),
  "membership.role_changed": defineEvent("membership", { before: role, after: role }),
  "membership.removed": defineEvent("membership", { before: role }),
  "membership.teams_changed": defineEvent("membership", { before: teams, after: teams }),

  // Deployment-level: no programme.
  "user.created_as_administrator": defineEvent("user", { after: email }),
  "user.created_by_sso": defineEvent("user", { after: email }),

  /** One row per programme the token reaches (`programmeId`: the one it is scoped to, or null for all its user's). */
  "api_token.created": defineEvent("api_token", { after: z.strictObject({ name: text, prefix: text, userId: id, programmeId: id.nullable() }) }),
  "api_token.revoked": defineEvent("api_token", { after: z.strictObject({ name: text, userId: id, programmeId: id.nullable() }) }),

  // One-time sign-in links (ADR 34); the entity is the link, `userId` the person it signs in.
  "invitation.created": defineEvent("invitation", { after: issued }),
  "password_reset.issued": defineEvent("invitation", { after: issued }),
  "invitation.accepted": defineEvent("invitation", { after: z.strictObject({ userId: id, email: text, purpose }) }),
  /** `superseded`: a newer link for the same person replaced it. */
  "invitation.revoked": defineEvent("invitation", { after: z.strictObject({ userId: id, email: text, purpose, reason: z.enum(["revoked", "superseded"]) }) }),
};
