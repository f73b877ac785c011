import { z } from 'zod/mini';

/** The IAM wraps every list as `{"array": [...]}` (JSON-hijacking mitigation). */
export function listSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ array: z.array(item) });
}
