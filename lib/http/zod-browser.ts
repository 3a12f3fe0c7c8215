import { z } from "zod";

// In the browser zod probes `Function("")` once to decide whether to compile its parsers. The
// Content-Security-Policy forbids eval, so the probe only fails and files a CSP violation
// report; parsing uncompiled there is the same result without the report. Servers keep
// compiled parsers (they are not under the page's policy).
if (typeof window !== "undefined") z.config({ jitless: true });
