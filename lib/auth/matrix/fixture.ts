/**
 * The small world every authorization-matrix case runs in: a programme with two teams, each
 * owning a service and a slice, people in every role, and a second programme for outsiders.
 */
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import { applyChecklist, createDefaultTemplate, createFacility, createProgramme, createService, createSlice, createTeam, createUser, createWave, createDependency } from "@/lib/seed/factories";

export const ROLES = ["manager", "leadOwn", "leadOther", "viewer", "outsider"] as const;
export type MatrixRole = (typeof ROLES)[number];

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

/** Builds the world; every case gets a fresh one so an allowed write never disturbs the next. */
export async function buildFixture(db: Db) {
  return db.$transaction(async (tx) => {
    const programme = await createProgramme(tx);
    const other = await createProgramme(tx);
    const teamA = await createTeam(tx, { programmeId: programme.id, name: "alpha" });
    const teamB = await createTeam(tx, { programmeId: programme.id, name: "beta" });
    const person = async (role: "manager" | "lead" | "viewer", programmeId: string, leadOf: string[] = []) => createUser(tx, { membership: { programmeId, role, leadOf } });
    const users = {
      manager: await person("manager", programme.id),
      leadOwn: await person("lead", programme.id, [teamA.id]),
      leadOther: await person("lead", programme.id, [teamB.id]),
      viewer: await person("viewer", programme.id),
      outsider: await person("manager", other.id),
    };
    const svcA = await createService(tx, { programmeId: programme.id, teamId: teamA.id, name: "alpha-api", kind: "api" });
    const svcA2 = await createService(tx, { programmeId: programme.id, teamId: teamA.id, name: "alpha-worker", kind: "worker" });
    const svcA3 = await createService(tx, { programmeId: programme.id, teamId: teamA.id, name: "alpha-cron", kind: "cron" });
    const svcB = await createService(tx, { programmeId: programme.id, teamId: teamB.id, name: "beta-api", kind: "api" });
    // In no slice: what a new slice, or a slice's added service, is made from.
    const svcFree = await createService(tx, { programmeId: programme.id, teamId: teamA.id, name: "alpha-free", kind: "worker" });
    const dependency = await createDependency(tx, { programmeId: programme.id, fromId: svcA.id, toId: svcA2.id, kind: "sync" });
    const wave1 = await createWave(tx, { programmeId: programme.id, number: 1 });
    await createWave(tx, { programmeId: programme.id, number: 2 });
    const sliceA = await createSlice(tx, { programmeId: programme.id, teamId: teamA.id, waveId: wave1.id, name: "alpha", serviceIds: [svcA.id, svcA3.id] });
    const sliceA2 = await createSlice(tx, { programmeId: programme.id, teamId: teamA.id, waveId: wave1.id, name: "alpha-two", serviceIds: [svcA2.id] });
    const sliceB = await createSlice(tx, { programmeId: programme.id, teamId: teamB.id, waveId: wave1.id, name: "beta", serviceIds: [svcB.id] });
    const items = await applyChecklist(tx, sliceA);
    const template = await createDefaultTemplate(tx, programme.id);
    const templateItem = await tx.checklistTemplateItem.findFirstOrThrow({ where: { templateId: template.id } });
    const facility = await createFacility(tx, { programmeId: programme.id, key: "monitoring", name: "Monitoring" });
    const plainToken = generateToken();
    const token = await tx.apiToken.create({ data: { userId: users.leadOwn.id, name: "ci", tokenHash: hashToken(plainToken), prefix: tokenPrefix(plainToken) } });
    const signInLink = await tx.invitation.create({
      data: { userId: users.viewer.id, programmeId: programme.id, purpose: "invitation", tokenHash: hashToken(generateToken()), createdById: users.manager.id, createdByName: users.manager.name, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const actors = Object.fromEntries(Object.entries(users).map(([role, u]) => [role, { userId: u.id, name: u.name, isAdmin: false } satisfies Actor])) as Record<MatrixRole, Actor>;
    return { slug: programme.slug, programme, other, teamA, teamB, users, actors, svcA, svcA2, svcA3, svcB, svcFree, dependency, sliceA, sliceA2, sliceB, item: items[0], item2: items[1], template, templateItem, facility, token, signInLink };
  });
}
