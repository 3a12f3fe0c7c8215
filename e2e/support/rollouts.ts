/**
 * A live Argo Rollout object (as `kubectl get rollout -o yaml` prints it) for Promotions,
 * paused with `weight`% of traffic on the canary: what a lead pastes on a slice page.
 */
export const argoRolloutAt = (weight: number) => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: promotions-api
  namespace: checkout
spec:
  strategy:
    canary:
      canaryService: promotions-api-canary
      stableService: promotions-api-stable
      steps:
        - setWeight: 10
        - pause: { duration: 30m }
        - setWeight: 50
        - pause: {}
status:
  canary:
    weights:
      canary: { podTemplateHash: 84c6d9f7b8, serviceName: promotions-api-canary, weight: ${weight} }
      stable: { podTemplateHash: 7d9f8c6b5d, serviceName: promotions-api-stable, weight: ${100 - weight} }
  currentPodHash: 84c6d9f7b8
  phase: Paused
  message: CanaryPauseStep
  stableRS: 7d9f8c6b5d
`;
