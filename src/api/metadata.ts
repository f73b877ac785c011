import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from './request.ts';

export const securityModeSchema = z.enum(['disabled', 'permissive', 'strict']);
export type SecurityMode = z.infer<typeof securityModeSchema>;

/** Only `security` is documented; other fields are kept but not relied on. */
const bootstrapConfigSchema = z.looseObject({ security: securityModeSchema });

/**
 * `ui-config.json` (unauthenticated): the IAM adds `clusterConfiguration: {firstUser, id}` to the cluster's UI
 * configuration (docs/decisions/006). Only the cluster id is used; the rest is kept loosely.
 */
const uiConfigSchema = z.looseObject({
  clusterConfiguration: z.looseObject({ id: z.string(), firstUser: z.optional(z.boolean()) }),
});
export type UiConfig = z.infer<typeof uiConfigSchema>;

export const metadataQueries = {
  bootstrapConfig: () =>
    queryOptions({
      queryKey: ['dcos-metadata', 'bootstrap-config'] as const,
      queryFn: ({ signal }) => request('/dcos-metadata/bootstrap-config.json', bootstrapConfigSchema, { signal }),
      staleTime: 5 * 60_000,
      // The banner explains a 403 itself; it must never replace the page.
      throwOnError: false,
    }),
  uiConfig: () =>
    queryOptions({
      queryKey: ['dcos-metadata', 'ui-config'] as const,
      queryFn: ({ signal }) => request('/dcos-metadata/ui-config.json', uiConfigSchema, { signal }),
      // The cluster id does not change while the cluster runs.
      staleTime: Infinity,
      throwOnError: false,
    }),
};
