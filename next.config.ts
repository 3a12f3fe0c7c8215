import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/http/limits";
import { MAX_IMPORT_BYTES } from "./lib/inventory/limits";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // One server: Next's own. The build's standalone folder runs with `node server.js` and
  // nothing else (scripts/lib/build.mjs adds the static files Next leaves out; ADR 25).
  output: "standalone",
  // Traced from this folder, so server.js lands at the top of `<distDir>/standalone`.
  outputFileTracingRoot: import.meta.dirname,
  // /api/ready reads the migration folders at run time to compare them with the database; the
  // report's PDF reads its shipped fonts (lib/reports/export/pdf.ts) wherever it is exported.
  outputFileTracingIncludes: { "/api/ready": ["./prisma/migrations/**/*"], "/**/*": ["./lib/reports/export/fonts/*.ttf"] },
  // One copy per process, loaded from node_modules: its registry must be the one every route counts into.
  // pdfkit reads its own data files next to its code, which a bundle would leave behind.
  serverExternalPackages: ["prom-client", "pdfkit"],
  // Several builds can share one work tree (parallel work, benchmarks) when each names its own.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Next's trailing-slash redirect answers before proxy.ts runs, so without a request id or
  // no-store; the proxy makes the same 308 itself (with those) instead.
  skipTrailingSlashRedirect: true,
  // `npm run typecheck` checks the whole project (scripts and tests too) as its own CI step;
  // checking again inside every build only costs time on small machines.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // proxy.ts refuses a larger action body first (Next's own refusal is a 500); both read one constant.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    // The proxy's copy of a request body is cut at this size, silently. Above the import limit
    // by more than one socket read (64 KiB), a cut body is always over the limit, so the
    // route's own reader refuses it (413) instead of reading the cut copy as the whole file.
    proxyClientMaxBodySize: MAX_IMPORT_BYTES + 1024 * 1024,
  },
  async headers() {
    // The Content-Security-Policy is per response (a nonce), so proxy.ts sets it.
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
