/**
 * The service-level ordering graph. Dependencies say who calls whom; the ordering says who
 * must move first. They differ in one place: an application service's dependency on shared
 * infrastructure is reversed (the infrastructure moves after its users), so such an edge
 * never holds the application back. Services get dense ids in name order, which is the
 * tie-break everywhere downstream.
 */
import { adjacency, edgeSources, stronglyConnected, type Components, type Csr } from "./graph";
import { isInfrastructure, type PlanDependency, type PlanService } from "./types";

export type ServiceGraph = {
  count: number;
  services: PlanService[];
  names: string[];
  indexOf: Map<string, number>;
  /** 1 for shared infrastructure. */
  infra: Uint8Array;
  /** Dependencies (from depends on to) by `from`, targets sorted, no self-loops. */
  dependencies: Csr;
  /** The `from` of each dependency edge. */
  dependencySources: Int32Array;
  /** Ordering edges (before -> after) by `before`, targets sorted. */
  order: Csr;
  /** The `before` of each ordering edge. */
  orderSources: Int32Array;
  /** Strongly connected components of the ordering graph: the cycles that cannot be ordered. */
  cycles: Components;
};

/** Code-unit comparison: deterministic across locales, unlike localeCompare. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Services in (name, id) order with their index. A repeated id keeps its first entry in that
 * order (not in input order), so a shuffled input still yields the same plan.
 */
function indexServices(services: readonly PlanService[]): { sorted: PlanService[]; indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  const sorted: PlanService[] = [];
  for (const service of [...services].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))) {
    if (indexOf.has(service.id)) continue;
    indexOf.set(service.id, sorted.length);
    sorted.push(service);
  }
  return { sorted, indexOf };
}

/** Dependencies as index pairs; unknown services and self-dependencies carry no order. */
function indexDependencies(dependencies: readonly PlanDependency[], indexOf: Map<string, number>, count: number): Csr {
  const from = new Int32Array(dependencies.length);
  const to = new Int32Array(dependencies.length);
  let kept = 0;
  for (const dependency of dependencies) {
    const a = indexOf.get(dependency.from);
    const b = indexOf.get(dependency.to);
    if (a === undefined || b === undefined || a === b) continue;
    from[kept] = a;
    to[kept] = b;
    kept++;
  }
  return adjacency({ from: from.subarray(0, kept), to: to.subarray(0, kept) }, count);
}

/**
 * Whether "a depends on b" orders a before b: only when an application (a) uses shared
 * infrastructure (b); otherwise b moves first. Exported for readers that walk one dependency
 * at a time (the graph explorer's blocked edges).
 */
export const dependentMovesFirst = (dependentIsInfra: boolean, dependencyIsInfra: boolean): boolean => dependencyIsInfra && !dependentIsInfra;

/**
 * The ordering edge for "a depends on b": b before a, except that an application using
 * infrastructure goes before it. Every edge between an application service and an
 * infrastructure one therefore points from the application to the infrastructure, so no
 * ordering cycle can mix the two: a call cycle through a datastore is not a cycle here.
 */
function orderingEdges(dependencies: Csr, infra: Uint8Array, count: number): Csr {
  const { offsets, targets } = dependencies;
  const before = new Int32Array(targets.length);
  const after = new Int32Array(targets.length);
  for (let a = 0; a < count; a++) {
    for (let e = offsets[a]; e < offsets[a + 1]; e++) {
      const b = targets[e];
      const appUsesInfra = dependentMovesFirst(infra[a] === 1, infra[b] === 1);
      before[e] = appUsesInfra ? a : b;
      after[e] = appUsesInfra ? b : a;
    }
  }
  return adjacency({ from: before, to: after }, count);
}

/** Index the services and derive the ordering graph and its cycles. */
export function buildServiceGraph(services: readonly PlanService[], dependencies: readonly PlanDependency[]): ServiceGraph {
  const { sorted, indexOf } = indexServices(services);
  const count = sorted.length;
  const infra = new Uint8Array(count);
  const names = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    names[i] = sorted[i].name;
    infra[i] = isInfrastructure(sorted[i]) ? 1 : 0;
  }
  const indexed = indexDependencies(dependencies, indexOf, count);
  const order = orderingEdges(indexed, infra, count);
  return {
    count,
    services: sorted,
    names,
    indexOf,
    infra,
    dependencies: indexed,
    dependencySources: edgeSources(indexed),
    order,
    orderSources: edgeSources(order),
    cycles: stronglyConnected(order),
  };
}

/** Each cycle's service names (sorted), cycles sorted by their first name. */
export function cycleNames(graph: ServiceGraph): string[][] {
  const { component, sizes } = graph.cycles;
  const byComponent = new Map<number, string[]>();
  // Services are in name order, so each list comes out sorted.
  for (let v = 0; v < graph.count; v++) {
    if (sizes[component[v]] < 2) continue;
    const list = byComponent.get(component[v]);
    if (list) list.push(graph.names[v]);
    else byComponent.set(component[v], [graph.names[v]]);
  }
  return [...byComponent.values()].sort((a, b) => compareText(a[0], b[0]));
}
