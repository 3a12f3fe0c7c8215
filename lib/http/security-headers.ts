/**
 * The headers every response carries. next.config.ts applies `securityHeaders` to everything
 * Next serves; the Content-Security-Policy is set per
 * request by proxy.ts, because a page's policy names that response's own nonce.
 */
export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A page's policy: a script runs only if it carries this response's nonce (Next puts it on its
 * own scripts when it finds the policy in the request headers) or was loaded by one that does
 * ('strict-dynamic'); no inline script an attacker injects can. Development adds
 * 'unsafe-eval', which React's dev build needs to rebuild server stacks. Styles keep
 * 'unsafe-inline': React renders `style` attributes, which nonces cannot cover, and styles
 * cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** API answers, refusals and files are never documents that run anything. */
export const NON_DOCUMENT_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
