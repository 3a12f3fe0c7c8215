import type { NextConfig } from "next";
import { MAX_IMPORT_BYTES } from "./lib/inventory/limits";
import { securityHeaders } from "./lib/http/security-headers";

const isDev = process.env.NODE_ENV !== "production";

const nextConfig: NextConfig = {
  // Several builds can share one work tree (parallel work, benchmarks) when each names its own.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (scripts and tests too) as its own CI step;
  // checking again inside every build only costs time on small machines.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // The proxy's copy of a request body is cut at this size, silently. Above the import limit
    // by more than one socket read (64 KiB), a cut body is always over the limit, so the
    // route's own reader refuses it (413) instead of reading the cut copy as the whole file.
    proxyClientMaxBodySize: MAX_IMPORT_BYTES + 1024 * 1024,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(isDev) }];
  },
};

export default nextConfig;
