// Scripts read a local .env the way Next does for the app (Node's own loader, no dependency).
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
