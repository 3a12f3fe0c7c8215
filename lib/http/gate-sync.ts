/**
 * The checks on a request's method and address alone, which both proxy.ts and the early guard
 * (for the uploads that skip the proxy) make: free of the database and of the request's
 * headers and body, so Node's raw request can be checked as well as Next's.
 */
import { allowedMethods, hasDotSegment, hasMalformedEscape, PAGE_METHODS, ROUTABLE_METHODS } from "@/lib/api/route-methods";
import { isApiPath, refusal, type Refusal } from "./refusal";

export type SyncGateRequest = { method: string; pathname: string; requestId: string };

/** The refusal for a request that must not reach Next's routing, or null to let it through. */
export function gateSync(req: SyncGateRequest): Refusal | null {
  const { method, pathname, requestId } = req;
  const api = isApiPath(pathname);
  // Such an address names no operation (its methods would be another path's), and once
  // resolved it may not even be under /api: the API's 404, before anything else.
  if (api && hasDotSegment(pathname)) {
    return refusal({ pathname, method, requestId, code: "NOT_FOUND", reason: "dot_segment", message: "There is no API operation at this address; see /api/v1/openapi.json." });
  }
  const allow = api ? allowedMethods(pathname) : [...PAGE_METHODS];
  if (!ROUTABLE_METHODS.has(method) || (allow && !allow.includes(method))) {
    const list = allow ?? [...ROUTABLE_METHODS].sort();
    return refusal({ pathname, method, requestId, code: "METHOD_NOT_ALLOWED", reason: "method", message: `This address does not answer ${method.slice(0, 20)} requests.`, headers: { allow: list.join(", ") }, details: { allow: list } });
  }
  if (api && hasMalformedEscape(pathname)) {
    return refusal({ pathname, method, requestId, code: "INVALID", reason: "malformed_path", message: "The address contains a malformed percent escape." });
  }
  return null;
}
