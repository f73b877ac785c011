import { z } from 'zod/mini';

// Zod compiles parsers with `new Function` unless told not to, and the console's CSP forbids eval. Imported first by
// every module that parses, so no schema ever runs with the JIT on.
z.config({ jitless: true });
