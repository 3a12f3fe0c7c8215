import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { db } from "@/lib/db";
import { eventRow } from "@/lib/events/record";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { emailDomainAllowed, siteOrigins, ssoConfig } from "./config";
import { signInLimiter } from "./sign-in-limiter";

/** Provider id of the OpenID Connect single sign-on, in callback URLs (/api/auth/callback/oidc). */
export const SSO_PROVIDER = "oidc";

const sso = ssoConfig(env());
const origins = siteOrigins(env());

/**
 * The better-auth instance, made on first use: building it reads the database client, and
 * `next build` imports this module with no database configured.
 */
export function getAuth() {
  globalForAuth.ferryAuth ??= createAuth();
  return globalForAuth.ferryAuth;
}

const globalForAuth = globalThis as unknown as { ferryAuth?: ReturnType<typeof createAuth> };

/**
 * better-auth owns passwords, sessions (httpOnly, SameSite=Lax cookies) and the OpenID Connect
 * flow; Ferry owns roles. Self sign-up with a password is off: people get accounts from the
 * setup page, a manager, or their company SSO. See docs/adr/0005-authentication.md.
 */
const createAuth = () =>
  betterAuth({
  appName: "Ferry",
  baseURL: origins.baseURL,
  trustedOrigins: origins.trusted,
    secret: env().BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
  session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
  advanced: {
    useSecureCookies: origins.baseURL.startsWith("https://"),
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
  },
  rateLimit: {
    enabled: true,
    storage: "database",
    window: 60,
    max: 100,
    // Sign-in is limited in one place: Ferry's own limiter (signInLimiter below), on the one
    // sign-in that checks a password, per account and per address that a client cannot choose.
    // better-auth's default rule for /sign-in/* (3 in 10 s) keys on X-Forwarded-For as sent,
    // so it is off for every sign-in path: it could only be evaded, or be used to refuse others.
    // SSO sign-in checks its credentials (and limits guesses) at the identity provider.
    customRules: { "/sign-in/*": false },
  },
  // Other endpoints that check a password, none of which Ferry uses: off over HTTP, so that
  // sign-in is the one place to guess a password and the limiter covers it. A password change
  // added later must go through the limiter too (see sign-in-limiter.ts).
  disabledPaths: ["/change-password", "/verify-password", "/delete-user", "/change-email", "/request-password-reset", "/reset-password", "/sign-up/email"],
  databaseHooks: {
    user: {
      create: {
        // Only SSO creates users through better-auth (password sign-up is off): enforce the
        // allowed email domains here, where no code path can skip it.
        before: async (user) => {
          if (sso && !emailDomainAllowed(user.email, sso.allowedDomains)) {
            log.warn("SSO sign-in refused: email domain not allowed", { domain: user.email.split("@").pop() });
            return false;
          }
          return { data: user };
        },
        // New SSO users read every programme as viewers until a manager gives them a role.
        after: async (user) => {
          const programmes = await db.programme.findMany({ where: { archivedAt: null }, select: { id: true } });
          await db.$transaction([
            db.membership.createMany({ data: programmes.map((p) => ({ userId: user.id, programmeId: p.id, role: "viewer" as const })), skipDuplicates: true }),
            db.event.create({
              data: eventRow({ userId: user.id, name: user.name || user.email, isAdmin: false }, { programmeId: null, entityType: "user", entityId: user.id, action: "user.created_by_sso", after: { email: user.email } }),
            }),
          ]);
        },
      },
    },
  },
  plugins: [
    ...(sso
      ? [
          genericOAuth({
            config: [
              {
                providerId: SSO_PROVIDER,
                name: sso.name,
                discoveryUrl: `${sso.issuer}/.well-known/openid-configuration`,
                clientId: sso.clientId,
                clientSecret: sso.clientSecret,
                scopes: ["openid", "email", "profile"],
                pkce: true,
              },
            ],
          }),
        ]
      : []),
    signInLimiter(),
    nextCookies(),
  ],
  });

export const ssoEnabled = (): { name: string } | null => (sso ? { name: sso.name } : null);
