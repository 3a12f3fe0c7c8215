import type { Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { tickGating } from "./support/checklist";
import { argoRolloutAt } from "./support/rollouts";

// Issue 6, item 6: a lead pastes (or uploads) the live rollout object on a slice; Ferry reads
// weight and health, keeps the YAML as evidence and proposes the stage move, which the lead
// applies through the ordinary stage move. Each test has a programme of its own and a lead there.

const ROLLOUT_AT_50 = argoRolloutAt(50);

const FAILED_CANARY = `apiVersion: flagger.app/v1beta1
kind: Canary
metadata:
  name: catalogue-api
  namespace: catalogue
spec:
  targetRef: { apiVersion: apps/v1, kind: Deployment, name: catalogue-api }
  analysis: { interval: 1m, threshold: 5, maxWeight: 50, stepWeight: 10 }
status:
  canaryWeight: 0
  failedChecks: 5
  phase: Failed
  conditions:
    - type: Promoted
      status: "False"
      reason: Failed
      message: Canary analysis failed, Deployment scaled to zero.
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: promotions-api
spec:
  replicas: 3
`;

const ACCEPTED = "an Argo Rollouts Rollout (argoproj.io), a Flagger Canary (flagger.app) or an Istio VirtualService (networking.istio.io)";

/** Opens one of the lead's slices from the slices list. */
async function openSlice(page: Page, slug: string, name: string) {
  await page.goto(`/p/${slug}/slices`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function readYaml(page: Page, yaml: string) {
  const reader = page.getByRole("form", { name: "Read rollout state" });
  await reader.getByLabel("Rollout YAML").fill(yaml);
  await reader.getByRole("button", { name: "Read rollout" }).click();
}

const currentStep = (page: Page) => page.getByRole("list", { name: "Traffic stages" }).locator('[aria-current="step"]');
const history = (page: Page) => page.getByRole("list", { name: "Stage and checklist history" });

test.describe("reading rollout state", () => {
  test("a lead pastes an Argo Rollout, is told what else is accepted, and applies the proposed move on the record", async ({ page, programme, signedInAs }) => {
    test.setTimeout(90_000);
    const lead = await signedInAs("lead", programme);
    await openSlice(page, programme.slug, "Promotions");
    await expect(currentStep(page)).toContainText("10%");
    // The proposal goes through the gates like any move: clear the ones before 50% first.
    await tickGating(page, ["mirror", "1%", "10%", "50%"]);

    const reader = page.getByRole("form", { name: "Read rollout state" });
    const outcome = reader.getByRole("status", { name: "Rollout reading result" });
    // Another kind, then YAML that does not parse: both name the kinds Ferry reads, and nothing is proposed.
    await readYaml(page, DEPLOYMENT);
    await expect(outcome).toContainText(`Ferry reads ${ACCEPTED}; this YAML holds Deployment (apps/v1).`);
    await expect(reader.getByLabel("Rollout YAML")).toHaveAttribute("aria-invalid", "true");
    await readYaml(page, "kind: Rollout\nstatus: { phase: Paused\n");
    await expect(outcome).toContainText(/The YAML could not be parsed \(line \d+, column \d+\)/);
    await expect(outcome).toContainText(`Paste ${ACCEPTED}.`);
    await expect(page.getByRole("region", { name: "Rollout reading" })).toHaveCount(0);

    await readYaml(page, ROLLOUT_AT_50);
    const reading = page.getByRole("region", { name: "Rollout reading" });
    await expect(reading).toContainText("Rollout promotions-api: 50% on the new path, phase Paused, healthy");
    await expect(reading).toContainText("Proposed: move to 50%.");
    await expect(outcome).toHaveText("");

    // The pasted YAML is kept, byte for byte, as the evidence for the move.
    const evidence = reading.getByRole("link", { name: /YAML kept as evidence/ });
    const href = (await evidence.getAttribute("href"))!;
    const kept = await page.request.get(href);
    expect(kept.status()).toBe(200);
    expect(await kept.text()).toBe(ROLLOUT_AT_50);
    expect((await page.request.get(`${href}-not-a-reading`)).status()).toBe(404);
    expect(await axeViolations(page)).toEqual([]);

    const apply = reading.getByRole("form", { name: "Apply the proposed move" });
    await expect(apply.getByLabel("Reason")).toHaveValue("Rollout promotions-api serves 50% on the new path, phase Paused: ahead of the recorded 10%.");
    await apply.getByRole("button", { name: "Move as proposed" }).click();
    await expect(apply.getByRole("status", { name: "Proposed move result" })).toHaveText("Moved to 50%.");
    await expect(apply.getByRole("button", { name: "Move as proposed" })).toHaveCount(0);
    await expect(currentStep(page)).toContainText("50%");
    await expect(history(page).getByRole("listitem").first()).toContainText(`${lead.name} moved Promotions to 50%`);
    await expect(history(page).getByRole("listitem").first()).toContainText("Why: Rollout promotions-api serves 50% on the new path");

    // After a reload the reading is still on the slice, with its YAML.
    await page.reload();
    const earlier = page.getByRole("list", { name: "Earlier readings" }).getByRole("listitem");
    await expect(earlier).toHaveCount(1);
    await expect(earlier.first()).toContainText("Rollout 50%, Paused, healthy");
    const again = await page.request.get((await earlier.first().getByRole("link", { name: /^YAML/ }).getAttribute("href"))!);
    expect(await again.text()).toBe(ROLLOUT_AT_50);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("an uploaded failed Flagger Canary proposes a rollback, recorded with the tool's reason", async ({ page, programme, signedInAs }) => {
    const lead = await signedInAs("lead", programme);
    await openSlice(page, programme.slug, "Catalogue API");
    await expect(currentStep(page)).toContainText("50%");

    const reader = page.getByRole("form", { name: "Read rollout state" });
    await reader.getByLabel("Or upload a YAML file").setInputFiles({ name: "catalogue-canary.yaml", mimeType: "application/yaml", buffer: Buffer.from(FAILED_CANARY) });
    await expect(reader.getByRole("status", { name: "Uploaded file" })).toHaveText("Loaded catalogue-canary.yaml: read it below.");
    await expect(reader.getByLabel("Rollout YAML")).toHaveValue(FAILED_CANARY);
    await reader.getByRole("button", { name: "Read rollout" }).click();

    const reading = page.getByRole("region", { name: "Rollout reading" });
    await expect(reading).toContainText("Canary catalogue-api: 0% on the new path, phase Failed, unhealthy");
    await expect(reading).toContainText("Proposed: roll back to 0%.");
    const apply = reading.getByRole("form", { name: "Apply the proposed move" });
    await apply.getByRole("button", { name: "Roll back as proposed" }).click();
    await expect(apply.getByRole("status", { name: "Proposed move result" })).toHaveText("Rolled back to 0%.");
    await expect(currentStep(page)).toContainText("0%");
    const latest = history(page).getByRole("listitem").first();
    await expect(latest).toContainText(`${lead.name} rolled back Catalogue API to 0%: Canary catalogue-api was aborted (Failed): Canary analysis failed`);
    await expect(latest).toContainText("Signal: other signal");
    await expect(page.getByRole("term").filter({ hasText: "Status" }).locator("xpath=..")).toContainText("Rolled back");
    expect(await axeViolations(page)).toEqual([]);
  });
});
