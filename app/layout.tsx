import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page reads live programme data: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Ferry", template: "%s · Ferry" },
  description: "Run a migration to Kubernetes one reversible slice at a time.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestId = (await headers()).get("x-request-id") ?? "";
  return (
    <html lang="en">
      <head>
        {/* Read by error pages so a person can quote the request id to whoever runs Ferry. */}
        <meta name="x-request-id" content={requestId} />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
          Skip to content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
