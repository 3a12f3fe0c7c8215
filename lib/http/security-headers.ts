/**
 * The headers every response carries: next.config.ts applies them to what Next serves, and
 * the direct routes (lib/api/direct.ts) to what they serve.
 */
export function securityHeaders(dev: boolean): { key: string; value: string }[] {
  // Next's own inline bootstrap scripts need 'unsafe-inline' without a per-request nonce;
  // everything else is restricted to this origin, and no site may frame Ferry.
  const contentSecurityPolicy = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
