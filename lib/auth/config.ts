/**
 * Sign-in configuration from the environment (lib/env.ts hands it in). Pure, so the rules
 * (which variables switch SSO on, which email domains may sign in) are unit-tested.
 */
import type { Env } from "@/lib/env";

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lower-case domains allowed to sign in through SSO; empty means any. */
  allowedDomains: string[];
  name: string;
};

/** SSO settings when the issuer, client id and client secret are all set; otherwise null. */
export function ssoConfig(env: Pick<Env, "FERRY_OIDC_ISSUER" | "FERRY_OIDC_CLIENT_ID" | "FERRY_OIDC_CLIENT_SECRET" | "FERRY_OIDC_ALLOWED_DOMAINS" | "FERRY_OIDC_NAME">): SsoConfig | null {
  const issuer = env.FERRY_OIDC_ISSUER?.trim();
  const clientId = env.FERRY_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.FERRY_OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    allowedDomains: (env.FERRY_OIDC_ALLOWED_DOMAINS ?? "")
      .split(",")
      .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
    name: env.FERRY_OIDC_NAME?.trim() || "company SSO",
  };
}

/** Whether an email may sign in through SSO under the allowed-domains rule. */
export function emailDomainAllowed(email: string, allowedDomains: string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = email.toLowerCase().split("@").pop() ?? "";
  return allowedDomains.includes(domain);
}

/** The origin people reach Ferry at, and the origins whose form posts are trusted. */
export function siteOrigins(env: Pick<Env, "PORT" | "FERRY_BASE_URL">): { baseURL: string; trusted: string[] } {
  const port = env.PORT;
  const baseURL = (env.FERRY_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  const trusted = new Set([baseURL, `http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  return { baseURL, trusted: [...trusted] };
}
