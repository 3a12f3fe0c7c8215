import { describe, expect, it } from "vitest";
import { parseBackstageCatalog } from "./backstage";
import { formatRef, parseEntityRef } from "./backstage-refs";
import { COMPONENT_TYPES, RESOURCE_TYPES } from "./backstage-services";
import { MAX_YAML_ALIASES } from "./limits";
import type { InventoryService } from "./model";
import { fixture, lineOf } from "./fixtures/load";

const catalog = fixture("catalog.yaml");
const good = parseBackstageCatalog(catalog);
const service = (name: string): InventoryService => {
  const s = good.inventory.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
};
const depsOf = (name: string) =>
  good.inventory.dependencies
    .filter((d) => d.from === name)
    .map((d) => `${d.to}:${d.kind}`)
    .sort();

/** A single Component document, for rules that need one entity. */
const component = (spec: string, metadata = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: one\n${metadata}spec:\n  type: service\n${spec}`;

describe("parseEntityRef (Backstage's rules)", () => {
  const d = { defaultKind: "component", defaultNamespace: "default" };
  it.each([
    ["orders", d, "component:default/orders"],
    ["resource:orders-db", d, "resource:default/orders-db"],
    ["shop/orders", d, "component:shop/orders"],
    ["Group:ops/platform", d, "group:ops/platform"],
    ["payments", { defaultKind: "group", defaultNamespace: "ops" }, "group:ops/payments"],
    ["ns/na:me", d, "component:ns/na:me"],
    [{ kind: "API", name: "auth-api" }, d, "api:default/auth-api"],
  ])("%j resolves to %s", (raw, defaults, expected) => {
    const r = parseEntityRef(raw, defaults);
    expect(r.ok && formatRef(r.ref)).toBe(expected);
  });

  it.each([":orders", "component:", "component:/orders", "shop/", 42, null])("refuses %j", (raw) => {
    expect(parseEntityRef(raw, d).ok).toBe(false);
  });

  it("needs a kind when the field has no default", () => {
    const r = parseEntityRef("orders", { defaultNamespace: "default" });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/needs a kind/) });
  });
});

describe("parseBackstageCatalog: the fixture catalog", () => {
  it("reads every kind without errors and warns about the skipped Location", () => {
    expect(good.errors).toEqual([]);
    expect(good.warnings).toEqual([{ line: lineOf(catalog, "kind: Location"), message: expect.stringMatching(/Location entities are skipped/) }]);
  });

  it("makes a service of every Component and Resource, and of nothing else", () => {
    const names = [...catalog.matchAll(/kind: (Component|Resource)\nmetadata:\n {2}name: ([\w-]+)/g)].map((m) => m[2]);
    expect(names.length).toBeGreaterThan(10);
    expect(good.inventory.services.map((s) => s.name).sort()).toEqual(names.sort());
  });

  it("maps Component spec.type to kind, keeping unmapped types as a tag", () => {
    expect(service("orders").kind).toBe(COMPONENT_TYPES.service);
    expect(service("storefront").kind).toBe("web");
    expect(service("mailer").kind).toBe("worker");
    expect(service("nightly-report").kind).toBe("cron");
    expect(service("pdf-lib")).toMatchObject({ kind: "api", tags: ["type:library"] });
    expect(service("orders").stateful).toBeUndefined(); // a Component says nothing about state
  });

  it("makes every Resource stateful infrastructure by type", () => {
    expect(service("orders-db")).toMatchObject({ kind: RESOURCE_TYPES.database, stateful: true, tags: [] });
    expect(service("ledger-cache")).toMatchObject({ kind: "cache", stateful: true });
    expect(service("order-queue")).toMatchObject({ kind: "queue", stateful: true });
    expect(service("audit-queue")).toMatchObject({ kind: "queue", stateful: true });
    expect(service("invoices-bucket")).toMatchObject({ kind: "datastore", stateful: true, tags: ["s3", "type:s3-bucket"] });
  });

  it("resolves spec.owner to a team, stripping kind and namespace", () => {
    expect(["orders", "auth", "storefront", "orders-db"].map((n) => service(n).team)).toEqual(["payments", "payments", "payments", "payments"]);
    expect(service("ledger").team).toBe("platform"); // bare "platform" in namespace ops
    expect(service("ledger-cache").team).toBe("platform"); // group:ops/platform
  });

  it("makes Groups teams with a contact channel from the profile email or a Slack annotation", () => {
    expect(good.inventory.teams).toEqual([
      { name: "payments", contactChannel: "payments@example.com" },
      { name: "platform", contactChannel: "#platform" },
    ]);
  });

  it("keeps description, tags, system, source location and ferry/* annotations", () => {
    expect(service("orders")).toEqual({
      name: "orders",
      description: "Takes and tracks customer orders",
      team: "payments",
      kind: "api",
      tags: ["java", "checkout"],
      system: "shop",
      repositoryUrl: "https://git.example.com/shop/orders",
      tier: 1,
      strategy: "replatform",
      peakRps: 1200,
      sessionSticky: true,
      configSources: ["env", "files"],
      launchCommand: "java -jar orders.jar",
    });
    expect(service("auth").system).toBe("shop"); // system:default/shop
    expect(service("storefront")).toMatchObject({ description: null, system: null });
  });

  it("turns dependsOn, dependencyOf and API links into dependencies", () => {
    expect(depsOf("orders")).toEqual(["auth:sync", "orders-db:data"]); // explicit + consumesApis auth-api, once
    expect(depsOf("storefront")).toEqual(["nightly-report:sync", "orders:sync"]); // dependencyOf on nightly-report
    expect(depsOf("mailer")).toEqual(["order-queue:data", "orders:async"]); // asyncapi provided by orders
    expect(depsOf("nightly-report")).toEqual(["orders-db:data"]); // dependencyOf on orders-db
    expect(depsOf("ledger")).toEqual(["ledger-cache:data", "orders:sync"]); // namespaced refs
    expect(good.inventory.dependencies).toHaveLength(9);
  });

  it("records Users with email and memberships from both sides", () => {
    expect(good.users).toEqual([
      { name: "jdoe", displayName: "Jane Doe", email: "jane.doe@example.com", memberOf: ["payments"], line: lineOf(catalog, "name: jdoe") - 3 },
      { name: "alice", email: "alice@example.com", memberOf: ["payments", "platform"], line: lineOf(catalog, "name: alice") - 3 },
    ]);
  });

  it("says it speaks for dependencies but not for the whole team list", () => {
    expect(good.inventory.coverage).toEqual({ teams: false, dependencies: true });
  });

  it("gives the same inventory when the documents come in another order", () => {
    const docs = catalog.split(/^---$/m);
    const reversed = parseBackstageCatalog(docs.reverse().join("---\n"));
    expect(reversed.errors).toEqual([]);
    const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(reversed.inventory.services)).toEqual(byName(good.inventory.services));
    expect(new Set(reversed.inventory.dependencies.map((d) => JSON.stringify(d)))).toEqual(new Set(good.inventory.dependencies.map((d) => JSON.stringify(d))));
  });
});

describe("parseBackstageCatalog: errors point at their line", () => {
  const bad = fixture("catalog-bad.yaml");
  const result = parseBackstageCatalog(bad);
  const at = (marker: string) => result.errors.filter((e) => e.line === lineOf(bad, `# E:${marker}`)).map((e) => e.message);

  it.each([
    ["dangling", /Dangling reference: good depends on component:default\/ghost/],
    ["unknown-kind", /Unknown kind "Compnent"/],
    ["missing-name", /has no metadata.name/],
    ["invalid-name", /Service name "Orders_Service" must start with a lowercase letter.*try "orders-service"/],
    ["duplicate", new RegExp(`Duplicate Component default/good: already defined at line ${lineOf(bad, "name: good")}`)],
    ["unknown-enum", /ferry\/strategy: must be one of rehost.*"lift-and-shift"/],
    ["bad-tier", /ferry\/tier: must be a whole number from 1/],
    ["owner-kind", /spec.owner: must be a Group/],
    ["self", /selfish depends on itself/],
    ["target-kind", /must name a Component or Resource, got api:default\/payments-api/],
    ["wrong-namespace", /component:billing\/good.*the file has component:default\/good/],
    ["syntax", /YAML syntax: Map keys must be unique/],
  ])("%s", (marker, message) => {
    expect(at(marker)).toContainEqual(expect.stringMatching(message));
  });

  it("reports errors on the marked lines only, in line order", () => {
    const markers = bad.split("\n").flatMap((l, i) => (/# E:[a-z]/.test(l) ? [i + 1] : []));
    expect([...new Set(result.errors.map((e) => e.line))]).toEqual(markers);
    expect(result.errors.map((e) => e.line)).toEqual([...result.errors.map((e) => e.line)].sort((a, b) => a - b));
  });

  it("accepts a reference to a service already in the programme", () => {
    const r = parseBackstageCatalog(component("  dependsOn: [component:ghost, resource:legacy-db]\n"), ["ghost", "legacy-db"]);
    expect(r.errors).toEqual([]);
    expect(r.inventory.dependencies).toEqual([
      { from: "one", to: "ghost", kind: "sync" },
      { from: "one", to: "legacy-db", kind: "data" },
    ]);
  });

  it("refuses annotations Ferry does not know, and warns about APIs nobody provides", () => {
    const r = parseBackstageCatalog(component("  consumesApis: [missing-api]\n", "  annotations:\n    ferry/teir: '1'\n"));
    expect(r.errors).toEqual([{ line: 6, message: expect.stringMatching(/ferry\/teir: unknown Ferry annotation/) }]);
    expect(r.warnings).toEqual([{ line: 9, message: expect.stringMatching(/consumes api:default\/missing-api, which no component in this file provides/) }]);
  });

  it("warns, not fails, when a User owns a component", () => {
    const r = parseBackstageCatalog(component("  owner: user:jdoe\n"));
    expect(r.errors).toEqual([]);
    expect(r.inventory.services[0].team).toBe("jdoe");
    expect(r.inventory.teams).toEqual([{ name: "jdoe" }]);
    expect(r.warnings?.[0]?.message).toMatch(/User jdoe/);
  });

  it("refuses two services with one name in different namespaces", () => {
    const text = `kind: Component\nmetadata: { name: orders }\nspec: { type: service }\n---\nkind: Resource\nmetadata: { name: orders, namespace: shop }\nspec: { type: database }\n`;
    expect(parseBackstageCatalog(text).errors).toEqual([{ line: 6, message: 'Duplicate service name "orders": already defined at line 2' }]);
  });
});

describe("parseBackstageCatalog: hostile input", () => {
  it(`refuses aliases that expand more than ${MAX_YAML_ALIASES} times, quickly`, () => {
    const started = performance.now();
    const r = parseBackstageCatalog(fixture("alias-bomb.yaml"));
    expect(performance.now() - started).toBeLessThan(1000);
    // The expanded-size budget (yaml-budget.ts) stops it before the alias count would.
    expect(r.errors).toEqual([{ line: 2, message: expect.stringMatching(/expands to more than [\d,]+ values through YAML aliases/) }]);
    expect(r.inventory.services).toEqual([]);
  });

  it("still reads a document with a few aliases", () => {
    const r = parseBackstageCatalog(component("  owner: payments\n", "  tags: &t [java]\n  labels: { copy: *t }\n"));
    expect(r.errors).toEqual([]);
    expect(r.inventory.services[0].tags).toEqual(["java"]);
  });

  it.each([
    ["empty", ""],
    ["only a separator", "---\n"],
    ["a scalar", "just text"],
    ["a list", "- a\n- b"],
    ["broken flow", "kind: [Component"],
    ["binary", "\u0000\u0001\u0002 kind: x"],
    ["a tab indent", "kind: Component\nmetadata:\n\tname: x"],
    ["metadata as a list", "kind: Component\nmetadata: [1, 2]"],
    ["spec fields of the wrong type", "kind: Component\nmetadata: { name: x, tags: 3, annotations: [1] }\nspec: { type: 7, owner: [], dependsOn: 5, system: {} }"],
  ])("never throws on %s", (_, text) => {
    const r = parseBackstageCatalog(text);
    expect(Array.isArray(r.errors)).toBe(true);
    for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
  });

  it("reports wrongly typed spec fields as errors", () => {
    const r = parseBackstageCatalog("kind: Component\nmetadata: { name: x, tags: 3 }\nspec: { type: 7, dependsOn: 5 }");
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/metadata.tags: must be a list/),
      expect.stringMatching(/spec.type: must be text/),
      expect.stringMatching(/spec.dependsOn: must be a list/),
    ]);
  });
});
