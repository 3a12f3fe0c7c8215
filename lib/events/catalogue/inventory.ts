/** Events about the inventory: teams, services and dependencies, from forms, bulk edits and imports. */
import * as z from "zod";
import { CONFIG_SOURCES, DEPENDENCY_KINDS, SERVICE_KINDS, STRATEGIES } from "@/lib/inventory/model";
import { defineEvent, names, nullableText, text, whole } from "./kit";

/**
 * Every inventory field of a service, as the programme holds it (FullService): a create
 * writes them (an import leaves out the empty ones), an update the ones that changed.
 */
const serviceFields = {
  name: text,
  description: nullableText,
  team: nullableText,
  kind: z.enum(SERVICE_KINDS),
  stateful: z.boolean(),
  shared: z.boolean(),
  dataStores: names,
  sessionSticky: z.boolean(),
  configSources: z.array(z.enum(CONFIG_SOURCES)),
  configNotes: nullableText,
  launchCommand: nullableText,
  buildCommand: nullableText,
  migrateCommand: nullableText,
  peakRps: whole.nonnegative().nullable(),
  tier: z.int().min(1).max(4),
  legacyPlatform: nullableText,
  targetCluster: nullableText,
  targetNamespace: nullableText,
  strategy: z.enum(STRATEGIES),
  repositoryUrl: nullableText,
  system: nullableText,
  tags: names,
};

/** Some of a service's fields: those an update changed. */
export const serviceChangesSchema = z.strictObject(serviceFields).partial();
export type ServiceChanges = z.output<typeof serviceChangesSchema>;

const createdService = z.strictObject(serviceFields).partial().required({ name: true });
const edge = z.strictObject({ from: text, to: text, kind: z.enum(DEPENDENCY_KINDS) });
const teamFields = z.strictObject({ name: text, contactChannel: nullableText }).partial();
const people = z.array(z.strictObject({ name: text, email: text }));
const teamPeople = z.strictObject({ leads: people, members: people });

export const inventoryEvents = {
  "team.created": defineEvent("team", { after: z.strictObject({ name: text, contactChannel: nullableText }) }),
  "team.updated": defineEvent(
    "team",
    { before: z.strictObject({ contactChannel: nullableText }), after: z.strictObject({ contactChannel: nullableText }) },
    /** The team editor: the fields it changed (its name, its contact channel or both). */
    { before: teamFields, after: teamFields },
  ),
  /** The team editor's leads and members, as names and emails. */
  "team.people_changed": defineEvent("team", { before: teamPeople, after: teamPeople }),
  "team.deleted": defineEvent("team", { before: z.strictObject({ name: text }) }),

  "service.created": defineEvent("service", { after: createdService }),
  "service.updated": defineEvent("service", { before: serviceChangesSchema, after: serviceChangesSchema }),
  /** A delete from the service page keeps the whole service and who depended on it; an import, its name. */
  "service.deleted": defineEvent(
    "service",
    { before: z.strictObject({ ...serviceFields, dependents: names }) },
    { before: z.strictObject({ name: text }) },
  ),

  "dependency.created": defineEvent("dependency", { after: edge }),
  "dependency.updated": defineEvent("dependency", { before: edge, after: edge }),
  "dependency.deleted": defineEvent("dependency", { before: edge }),
};
