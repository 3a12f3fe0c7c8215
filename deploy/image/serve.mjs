// The image's server command: Next's standalone server.js, listening on every interface of the
// container. Kubernetes and Docker set HOSTNAME to the pod's or container's name, which Next
// would otherwise bind to (ADR 25); nothing else is set here, so all configuration comes from
// the environment the orchestrator gives (no ENV in the image).
process.env.HOSTNAME = "0.0.0.0";
await import("./server.js");
