// A real OpenID Connect provider (the oidc-provider package) for the SSO sign-in spec. Its
// development login form accepts any login; the login becomes the email of the account.
import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
export const OIDC_CLIENT = { id: "ferry-e2e", secret: "ferry-e2e-client-secret" };
export const OIDC_ALLOWED_DOMAIN = "sso.example";

export async function startOidcProvider(ferryBaseUrl: string): Promise<{ issuer: string; stop: () => Promise<void> }> {
  const issuer = `http://127.0.0.1:${OIDC_PORT}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${ferryBaseUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true, name: `SSO ${id.split("@")[0]}` }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["ferry-e2e-oidc-cookie-key"] },
  });
  const server: Server = provider.listen(OIDC_PORT, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
