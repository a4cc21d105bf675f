import { z } from "zod";

// Before any of the app's code: zod compiles fast object parsers with `new Function` unless
// told not to, and its probe for that is reported as a CSP violation ('unsafe-eval' is not allowed).
z.config({ jitless: true });
