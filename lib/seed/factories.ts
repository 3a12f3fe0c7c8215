/**
 * Thin factories shared by the seeds, the integration tests and the benchmarks: each takes
 * a Prisma client (or a transaction client), fills unique defaults and returns the row, so a
 * test states only what it cares about.
 */
import { randomUUID } from "node:crypto";
import type { ChecklistItem, Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { DEFAULT_TEMPLATE, itemsForSlice, sliceTraits, type ChecklistTemplateDefinition, type SliceTraits, type TemplateItem } from "@/lib/checklists/default-template";
import { stageToDb } from "@/lib/slices/stages";

/** Anything that can write: the client itself or the `tx` of an interactive transaction. */
export type Client = Prisma.TransactionClient;

/** Partial overrides with the foreign keys a row cannot do without. */
type With<T, K extends keyof T> = Partial<T> & Pick<T, K>;

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A programme with a unique slug. */
export function createProgramme(db: Client, data: Partial<Prisma.ProgrammeUncheckedCreateInput> = {}) {
  const slug = data.slug ?? unique("p");
  return db.programme.create({ data: { name: `Programme ${slug}`, ...data, slug } });
}

/** A team in a programme. */
export function createTeam(db: Client, data: With<Prisma.TeamUncheckedCreateInput, "programmeId">) {
  return db.team.create({ data: { name: unique("team"), ...data } });
}

export type MembershipInput = { programmeId: string; role: Role; leadOf?: string[]; memberOf?: string[] };

/** Gives a user a role in a programme and, optionally, team memberships (leads or members). */
export async function addMembership(db: Client, userId: string, m: MembershipInput) {
  await db.membership.create({ data: { userId, programmeId: m.programmeId, role: m.role } });
  const teams = [...(m.leadOf ?? []).map((teamId) => ({ teamId, isLead: true })), ...(m.memberOf ?? []).map((teamId) => ({ teamId, isLead: false }))];
  if (teams.length) await db.teamMember.createMany({ data: teams.map((t) => ({ ...t, userId })) });
}

/** A user with a unique email and, when given, a role in a programme and its teams. */
export async function createUser(db: Client, data: Partial<Prisma.UserUncheckedCreateInput> & { membership?: MembershipInput } = {}) {
  const { membership, ...fields } = data;
  const handle = unique("user");
  const user = await db.user.create({ data: { email: `${handle}@ferry.test`, name: handle, ...fields } });
  if (membership) await addMembership(db, user.id, membership);
  return user;
}

/** A service in a programme (a stateless API unless told otherwise). */
export function createService(db: Client, data: With<Prisma.ServiceUncheckedCreateInput, "programmeId">) {
  return db.service.create({ data: { name: unique("svc"), ...data } });
}

/** `fromId` depends on `toId`. */
export function createDependency(db: Client, data: With<Prisma.DependencyUncheckedCreateInput, "programmeId" | "fromId" | "toId">) {
  return db.dependency.create({ data });
}

/** A wave; numbered after the programme's last wave unless a number is given. */
export async function createWave(db: Client, data: With<Prisma.WaveUncheckedCreateInput, "programmeId">) {
  const number = data.number ?? ((await db.wave.aggregate({ where: { programmeId: data.programmeId }, _max: { number: true } }))._max.number ?? 0) + 1;
  return db.wave.create({ data: { ...data, number } });
}

/** A slice owned by a team, holding the given services. */
export function createSlice(db: Client, data: With<Prisma.SliceUncheckedCreateInput, "programmeId" | "teamId"> & { serviceIds?: string[] }) {
  const { serviceIds = [], ...fields } = data;
  return db.slice.create({
    data: { name: unique("slice"), ...fields, services: serviceIds.length ? { connect: serviceIds.map((id) => ({ id })) } : undefined },
  });
}

/** The ChecklistItem row for one template item on one slice (also used by bulk writers). */
export function checklistItemRow(
  item: TemplateItem,
  position: number,
  at: { programmeId: string; sliceId: string },
): Prisma.ChecklistItemCreateManyInput {
  return {
    programmeId: at.programmeId,
    sliceId: at.sliceId,
    key: item.key,
    title: item.title,
    guidance: item.guidance,
    category: item.category,
    gateStage: item.gateStage === null ? null : stageToDb(item.gateStage),
    position,
  };
}

export type ApplyChecklistOptions = {
  template?: ChecklistTemplateDefinition;
  /** Known traits save a read of the slice's services. */
  traits?: SliceTraits;
  /** Per-item state (done/na, who, when, evidence) for seeds that start mid-flight. */
  state?: (item: TemplateItem) => Partial<Prisma.ChecklistItemCreateManyInput> | undefined;
};

/** Creates a slice's checklist items from the template items that apply to it. */
export async function applyChecklist(db: Client, slice: { id: string; programmeId: string }, opts: ApplyChecklistOptions = {}): Promise<ChecklistItem[]> {
  const template = opts.template ?? DEFAULT_TEMPLATE;
  const traits = opts.traits ?? sliceTraits(await db.service.findMany({ where: { sliceId: slice.id }, select: { kind: true, stateful: true } }));
  const position = new Map(template.items.map((it, i) => [it.key, i]));
  const rows = itemsForSlice(template, traits).map((it) => ({
    ...checklistItemRow(it, position.get(it.key)!, { programmeId: slice.programmeId, sliceId: slice.id }),
    ...opts.state?.(it),
  }));
  return db.checklistItem.createManyAndReturn({ data: rows });
}

/** Stores the default template as the programme's own, editable copy. */
export function createDefaultTemplate(db: Client, programmeId: string, template: ChecklistTemplateDefinition = DEFAULT_TEMPLATE) {
  return db.checklistTemplate.create({
    data: {
      programmeId,
      name: template.name,
      isDefault: true,
      items: {
        create: template.items.map((it, position) => ({
          key: it.key,
          title: it.title,
          guidance: it.guidance,
          category: it.category,
          appliesTo: it.appliesTo,
          gateStage: it.gateStage === null ? null : stageToDb(it.gateStage),
          position,
        })),
      },
    },
  });
}

/** A platform facility in a programme. */
export function createFacility(db: Client, data: With<Prisma.FacilityUncheckedCreateInput, "programmeId">) {
  const key = data.key ?? unique("facility");
  return db.facility.create({ data: { name: key, ...data, key } });
}
