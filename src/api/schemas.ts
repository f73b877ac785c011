import { z } from 'zod';

/** The IAM wraps every list as `{"array": [...]}` (JSON-hijacking mitigation). */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ array: z.array(item) });
}
