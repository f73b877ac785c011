import { z } from 'zod/mini';

// The console's CSP forbids eval. zod/mini's objects never compile a parser, but zod classic's compile one with
// `new Function` unless told not to, and the setting is global to zod's core: kept so that no schema, whichever API
// built it, ever runs with the JIT on. Imported first by every module that parses.
z.config({ jitless: true });
