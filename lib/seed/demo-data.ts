/**
 * The demo programme as data: a small online shop's legacy estate moving to Kubernetes.
 * Days are relative to the seed's `now` (negative is the past), so the demo always looks
 * six weeks into its migration whenever it is seeded.
 */
import type { ConfigSource, FacilityStatus, ServiceKind, Strategy } from "@/lib/generated/prisma/enums";
import type { RollbackSignal } from "@/lib/slices/stage-machine";
import type { Stage } from "@/lib/slices/stages";
import type { AppStack, InfraStack } from "./commands";

export const DEMO_TEAMS = {
  storefront: { name: "Storefront", channel: "#team-storefront" },
  checkout: { name: "Checkout", channel: "#team-checkout" },
  fulfilment: { name: "Orders & Fulfilment", channel: "#team-fulfilment" },
  catalogue: { name: "Catalogue & Search", channel: "#team-catalogue" },
  identity: { name: "Identity", channel: "#team-identity" },
  platform: { name: "Platform", channel: "#team-platform" },
} as const;
export type TeamKey = keyof typeof DEMO_TEAMS;

/** People: the three sign-in personas first, then the other teams' leads who act in the history. */
export const DEMO_PEOPLE: { email: string; name: string; role: "manager" | "lead" | "viewer"; leadOf: TeamKey[] }[] = [
  { email: "demo-manager@ferry.local", name: "Morgan Avery", role: "manager", leadOf: [] },
  { email: "demo-lead@ferry.local", name: "Sam Okafor", role: "lead", leadOf: ["catalogue", "checkout"] },
  { email: "demo-viewer@ferry.local", name: "Alex Rivera", role: "viewer", leadOf: [] },
  { email: "priya.natarajan@ferry.local", name: "Priya Natarajan", role: "lead", leadOf: ["identity"] },
  { email: "tomas.ortega@ferry.local", name: "Tomás Ortega", role: "lead", leadOf: ["fulfilment"] },
  { email: "grace.mensah@ferry.local", name: "Grace Mensah", role: "lead", leadOf: ["storefront"] },
  { email: "lena.novak@ferry.local", name: "Lena Novak", role: "lead", leadOf: ["platform"] },
];

export type Stack = AppStack | InfraStack;

export type DemoService = {
  name: string;
  team: TeamKey;
  kind: ServiceKind;
  stack: Stack;
  tier: number;
  /** Peak requests per second; null for services that serve no requests (workers, jobs). */
  rps: number | null;
  legacy: "vm" | "bare-metal" | "paas";
  config: ConfigSource[];
  description: string;
  strategy?: Strategy;
  stateful?: boolean;
  shared?: boolean;
  sticky?: boolean;
  tags?: string[];
  /** Stores that are not services of the estate (local disks, SFTP drops). */
  extraStores?: string[];
  configNotes?: string;
};

const s = (name: string, team: TeamKey, kind: ServiceKind, stack: Stack, tier: number, rps: number | null, legacy: DemoService["legacy"], config: ConfigSource[], description: string, more: Partial<DemoService> = {}): DemoService => ({ name, team, kind, stack, tier, rps, legacy, config, description, ...more });

export const DEMO_SERVICES: DemoService[] = [
  s("edge-gateway", "platform", "gateway", "nginx", 1, 2400, "vm", ["files"], "Public entry point: TLS termination, routing and rate limits.", { tags: ["edge", "customer-facing"] }),
  s("orders-db", "platform", "datastore", "postgres", 1, null, "bare-metal", ["files"], "PostgreSQL 13 for orders and stock reservations.", { stateful: true, strategy: "replatform", tags: ["postgres", "pii"] }),
  s("catalogue-db", "platform", "datastore", "postgres", 2, null, "bare-metal", ["files"], "PostgreSQL 13 for products, prices, promotions and content.", { stateful: true, strategy: "replatform", tags: ["postgres"] }),
  s("accounts-db", "platform", "datastore", "postgres", 1, null, "bare-metal", ["files"], "PostgreSQL 12 for customer accounts and credentials.", { stateful: true, strategy: "replatform", tags: ["postgres", "pii"] }),
  s("payments-db", "platform", "datastore", "postgres", 1, null, "bare-metal", ["files"], "PostgreSQL 12 for payment records; stays in the PCI enclave.", { stateful: true, strategy: "retain", tags: ["postgres", "pci"] }),
  s("search-index", "platform", "datastore", "elasticsearch", 2, null, "vm", ["files"], "Elasticsearch 7 cluster behind product search and recommendations.", { stateful: true, strategy: "replatform", tags: ["elasticsearch"] }),
  s("event-bus", "platform", "queue", "rabbitmq", 1, null, "vm", ["files"], "RabbitMQ carrying order, payment and catalogue events.", { stateful: true, strategy: "replatform", tags: ["rabbitmq"] }),
  s("session-cache", "platform", "cache", "redis", 1, null, "vm", ["files"], "Redis holding web sessions and carts.", { stateful: true, strategy: "replatform", tags: ["redis"] }),

  s("auth-service", "identity", "api", "java", 1, 1200, "vm", ["env", "files"], "Sign-in, tokens and session validation for every front end.", { shared: true, tags: ["shared", "security"] }),
  s("accounts-api", "identity", "api", "java", 2, 350, "vm", ["env"], "Customer profiles, addresses and preferences."),
  s("notification-worker", "identity", "worker", "python", 3, null, "vm", ["env"], "Turns account and order events into customer notifications."),
  s("email-sender", "identity", "worker", "go", 3, null, "vm", ["env"], "Renders and sends transactional email through the mail provider."),
  s("token-cleanup", "identity", "cron", "python", 4, null, "vm", ["env"], "Purges expired tokens and sessions nightly.", { configNotes: "crontab: 15 3 * * *" }),

  s("storefront-web", "storefront", "web", "node", 1, 1100, "paas", ["env", "remote"], "The shop's server-rendered web front end.", { stateful: true, sticky: true, strategy: "replatform", tags: ["customer-facing"], configNotes: "Feature flags from the flag service; in-memory sessions need affinity." }),
  s("account-web", "storefront", "web", "node", 2, 220, "paas", ["env"], "Customer account pages: orders, returns, addresses.", { strategy: "replatform", tags: ["customer-facing"] }),
  s("mobile-bff", "storefront", "api", "node", 1, 650, "vm", ["env", "flags"], "Backend for the iOS and Android apps.", { tags: ["customer-facing", "mobile"] }),
  s("content-api", "storefront", "api", "node", 3, 180, "vm", ["env", "files"], "Editorial content and media for landing pages.", { stateful: true, extraStores: ["local-disk:/srv/content/media"], tags: ["customer-facing"] }),
  s("image-resizer", "storefront", "worker", "go", 3, null, "vm", ["env"], "Produces product image renditions from upload events."),
  s("sitemap-generator", "storefront", "cron", "python", 4, null, "vm", ["env"], "Rebuilds sitemap.xml for search engines.", { configNotes: "crontab: 0 */6 * * *", tags: ["seo"] }),
  s("recommendations-api", "storefront", "api", "python", 3, 260, "vm", ["env", "files"], "Also-bought and similar-product recommendations.", { strategy: "refactor", tags: ["ml"] }),

  s("cart-api", "checkout", "api", "java", 1, 480, "vm", ["env"], "Baskets: add, remove, price and validate stock.", { tags: ["customer-facing"] }),
  s("checkout-api", "checkout", "api", "java", 1, 160, "vm", ["env", "files"], "Orchestrates checkout: pricing, payment, order creation.", { tags: ["customer-facing", "revenue"] }),
  s("payments-api", "checkout", "api", "java", 1, 90, "vm", ["env", "files"], "Card and wallet payments through the payment gateway.", { tags: ["pci", "revenue"] }),
  s("fraud-check", "checkout", "api", "go", 2, 95, "vm", ["env"], "Scores orders for fraud through the vendor's API.", { tags: ["risk"] }),
  s("payment-reconciler", "checkout", "cron", "java", 2, null, "vm", ["env", "files"], "Matches settlements against orders every night.", { configNotes: "crontab: 30 1 * * *", tags: ["finance"] }),
  s("refund-worker", "checkout", "worker", "java", 2, null, "vm", ["env"], "Processes refunds requested by returns and support.", { tags: ["finance"] }),
  s("promotions-api", "checkout", "api", "node", 3, 300, "vm", ["env"], "Vouchers, discounts and campaign rules."),

  s("orders-api", "fulfilment", "api", "java", 1, 210, "vm", ["env", "files"], "Order lifecycle from placement to delivery.", { tags: ["revenue"] }),
  s("inventory-api", "fulfilment", "api", "java", 1, 340, "vm", ["env"], "Stock levels and reservations; checks pending orders before releasing stock."),
  s("shipping-api", "fulfilment", "api", "python", 2, 70, "vm", ["env"], "Carrier quotes, labels and tracking."),
  s("warehouse-sync", "fulfilment", "worker", "python", 2, null, "vm", ["env", "files"], "Keeps the warehouse system's stock in step with inventory."),
  s("order-events-consumer", "fulfilment", "worker", "java", 2, null, "vm", ["env"], "Applies order events to shipping and history."),
  s("invoice-generator", "fulfilment", "cron", "python", 3, null, "vm", ["env"], "Renders invoices as PDF for shipped orders.", { configNotes: "crontab: 0 * * * *", tags: ["finance"] }),
  s("returns-api", "fulfilment", "api", "python", 3, 25, "vm", ["env"], "Return requests, labels and refunds."),
  s("legacy-report-mailer", "fulfilment", "cron", "python", 4, null, "vm", ["env", "files"], "Mails CSV sales reports; replaced by the reporting warehouse.", { strategy: "retire", configNotes: "crontab: 0 6 * * 1" }),

  s("catalogue-api", "catalogue", "api", "go", 1, 1400, "vm", ["env"], "Products, categories and availability for every front end.", { tags: ["customer-facing"] }),
  s("search-api", "catalogue", "api", "go", 1, 900, "vm", ["env"], "Product search and facets.", { tags: ["customer-facing"] }),
  s("pricing-api", "catalogue", "api", "go", 1, 820, "vm", ["env"], "Prices by market and customer group."),
  s("catalogue-importer", "catalogue", "cron", "python", 3, null, "vm", ["env", "files"], "Imports supplier feeds from SFTP into the catalogue.", { stateful: true, extraStores: ["sftp:suppliers", "local-disk:/var/lib/importer/checkpoints"], configNotes: "crontab: */30 * * * *" }),
  s("search-indexer", "catalogue", "worker", "go", 2, null, "vm", ["env"], "Reindexes products on catalogue events."),
  s("reviews-api", "catalogue", "api", "node", 3, 140, "paas", ["env"], "Product reviews and ratings.", { strategy: "replatform" }),
];

/**
 * Who depends on whom: `from: "to to:async to:data"` (sync unless marked). The estate has
 * exactly one cycle, orders-api <-> inventory-api, which is why they move as one slice.
 */
export const DEMO_DEPENDENCIES: Record<string, string> = {
  "edge-gateway": "storefront-web account-web mobile-bff auth-service",
  "storefront-web": "catalogue-api search-api cart-api content-api recommendations-api auth-service session-cache:data",
  "account-web": "accounts-api orders-api auth-service session-cache:data",
  "mobile-bff": "catalogue-api search-api cart-api checkout-api accounts-api orders-api auth-service",
  "content-api": "catalogue-db:data",
  "image-resizer": "event-bus:async",
  "sitemap-generator": "catalogue-api",
  "recommendations-api": "catalogue-api search-index:data event-bus:async",
  "cart-api": "session-cache:data pricing-api promotions-api inventory-api",
  "checkout-api": "cart-api payments-api orders-api fraud-check auth-service",
  "payments-api": "payments-db:data fraud-check event-bus:async",
  "payment-reconciler": "payments-db:data orders-api",
  "refund-worker": "event-bus:async payments-api",
  "promotions-api": "catalogue-db:data",
  "orders-api": "orders-db:data inventory-api event-bus:async",
  "inventory-api": "orders-db:data orders-api",
  "shipping-api": "orders-api event-bus:async",
  "warehouse-sync": "inventory-api event-bus:async",
  "order-events-consumer": "event-bus:async orders-db:data shipping-api",
  "invoice-generator": "orders-db:data event-bus:async",
  "returns-api": "orders-api payments-api",
  "legacy-report-mailer": "orders-db:data email-sender",
  "catalogue-api": "catalogue-db:data pricing-api",
  "search-api": "search-index:data",
  "pricing-api": "catalogue-db:data",
  "catalogue-importer": "catalogue-db:data event-bus:async",
  "search-indexer": "event-bus:async search-index:data catalogue-api",
  "reviews-api": "catalogue-db:data auth-service",
  "auth-service": "accounts-db:data session-cache:data",
  "accounts-api": "accounts-db:data auth-service event-bus:async",
  "notification-worker": "event-bus:async email-sender accounts-api",
  "token-cleanup": "accounts-db:data",
};

export const DEMO_FACILITIES: { key: string; name: string; description: string; status: FacilityStatus; owner: TeamKey; notes?: string }[] = [
  { key: "logging-standard", name: "Logging standard", description: "JSON log records with standard fields and the x-request-id in every entry.", status: "ready", owner: "platform" },
  { key: "build-deploy-pipeline", name: "Build and deploy pipeline", description: "Pipeline as code from commit to every cluster, through GitOps.", status: "ready", owner: "platform" },
  { key: "ingress", name: "Ingress", description: "Ingress controller, TLS certificates and DNS automation.", status: "ready", owner: "platform" },
  { key: "durable-logging", name: "Durable logging", description: "Logs shipped to the central store with retention and search.", status: "ready", owner: "platform" },
  { key: "monitoring", name: "Monitoring", description: "Prometheus scraping services and cluster metrics.", status: "ready", owner: "platform" },
  { key: "monitoring-dashboards", name: "Monitoring dashboards", description: "Cluster and service dashboards built on the metrics.", status: "ready", owner: "platform" },
  { key: "alerting", name: "Alerting", description: "Alerts routed to chat, tickets and paging by severity.", status: "ready", owner: "platform", notes: "Paging rota covers Platform only until wave 3." },
  { key: "service-resiliency", name: "Service resiliency", description: "Resource limits, autoscaling and bounded request queues reviewed per service.", status: "in_progress", owner: "platform", notes: "Autoscaling policy agreed; request queue limits still being measured." },
  { key: "distributed-tracing", name: "Distributed tracing", description: "Traces across services to find latency and failing hops.", status: "in_progress", owner: "identity", notes: "OpenTelemetry collector deployed; services not instrumented yet." },
  { key: "service-mesh", name: "Service mesh", description: "Traffic management, mTLS and retries between services.", status: "not_started", owner: "platform" },
];

export const DEMO_WAVES: { number: number; name: string; goal: string; startDay: number; endDay: number; facilities: string[] }[] = [
  { number: 1, name: "Leaves first", goal: "Prove the path end to end with leaf services that make no calls back into the legacy estate.", startDay: -41, endDay: -21, facilities: ["logging-standard", "build-deploy-pipeline", "ingress", "monitoring", "alerting"] },
  { number: 2, name: "Catalogue and core APIs", goal: "Move the read-heavy catalogue path and the order core, including the orders/inventory cycle as one slice.", startDay: -20, endDay: 10, facilities: ["durable-logging", "monitoring-dashboards"] },
  { number: 3, name: "Payments, search and shipping", goal: "Move the revenue path behind checkout once resiliency limits are in place.", startDay: 11, endDay: 45, facilities: ["service-resiliency"] },
  { number: 4, name: "Shared infrastructure", goal: "Move sign-in and the session cache last, after every service that uses them.", startDay: 46, endDay: 100, facilities: ["distributed-tracing", "service-mesh"] },
];

export type DemoStep =
  | { day: number; to: "preparing" | "done" }
  | { day: number; stage: Stage }
  | { day: number; rollback: { to: Stage; reason: string; signal: RollbackSignal; observed: string } };

export type DemoSlice = { name: string; team: TeamKey; wave: number; services: string[]; journey: DemoStep[]; na?: Record<string, string> };

const climb = (prep: number, ...days: number[]): DemoStep[] => [
  { day: prep, to: "preparing" },
  ...days.map((day, i): DemoStep => ({ day, stage: (["mirror", "1", "10", "50", "100"] as const)[i] })),
];

export const DEMO_SLICES: DemoSlice[] = [
  { name: "Transactional email", team: "identity", wave: 1, services: ["email-sender"], journey: [...climb(-40, -35, -32, -30, -28, -26), { day: -12, to: "done" }],
    na: { "service-ingress": "Queue consumer with no inbound HTTP: only the metrics port is exposed, through a headless Service." } },
  { name: "Fraud scoring", team: "checkout", wave: 1, services: ["fraud-check"], journey: [...climb(-39, -34, -30, -27, -24, -22), { day: -9, to: "done" }],
    na: { "jobs-ported": "No schema and no scheduled jobs: fraud-check only calls the scoring vendor." } },
  { name: "Pricing", team: "catalogue", wave: 1, services: ["pricing-api", "catalogue-importer"], journey: climb(-38, -31, -26, -23, -19, -15),
    na: { "sticky-sessions": "A batch importer and a stateless API: there are no user sessions." } },
  { name: "Catalogue API", team: "catalogue", wave: 2, services: ["catalogue-api"], journey: climb(-30, -18, -14, -10, -4) },
  { name: "Promotions", team: "checkout", wave: 2, services: ["promotions-api"], journey: climb(-27, -17, -10, -3) },
  { name: "Content", team: "storefront", wave: 2, services: ["content-api"],
    journey: [...climb(-33, -20, -18, -16), { day: -15, rollback: { to: "0", reason: "5xx rate 4.2% at 10% vs 0.3% baseline", signal: "error_rate", observed: "4.2% 5xx over 15 min; media uploads failing on read-only volume" } }] },
  { name: "Accounts API", team: "identity", wave: 2, services: ["accounts-api", "token-cleanup"], journey: climb(-25, -12, -2) },
  { name: "Orders core", team: "fulfilment", wave: 2, services: ["orders-api", "inventory-api"], journey: climb(-22, -6) },
  { name: "Payments", team: "checkout", wave: 3, services: ["payments-api", "refund-worker"], journey: climb(-8) },
  { name: "Search", team: "catalogue", wave: 3, services: ["search-api", "search-indexer"], journey: climb(-5) },
  { name: "Shipping", team: "fulfilment", wave: 3, services: ["shipping-api", "warehouse-sync"], journey: [] },
  { name: "Sessions and sign-in", team: "identity", wave: 4, services: ["auth-service", "session-cache"], journey: [] },
];
