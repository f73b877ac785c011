import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from './request.ts';

export const securityModeSchema = z.enum(['disabled', 'permissive', 'strict']);
export type SecurityMode = z.infer<typeof securityModeSchema>;

/** Only `security` is documented; other fields are kept but not relied on. */
const bootstrapConfigSchema = z.looseObject({ security: securityModeSchema });

export const metadataQueries = {
  bootstrapConfig: () =>
    queryOptions({
      queryKey: ['dcos-metadata', 'bootstrap-config'] as const,
      queryFn: ({ signal }) => request('/dcos-metadata/bootstrap-config.json', bootstrapConfigSchema, { signal }),
      staleTime: 5 * 60_000,
      // The banner explains a 403 itself; it must never replace the page.
      throwOnError: false,
    }),
};
