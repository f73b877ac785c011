import type { SecurityMode } from '@/api/metadata.ts';

/** One sentence per mode, from the DC/OS security documentation. */
export const MODE_SUMMARY: Record<SecurityMode, string> = {
  strict:
    'Every request must be authenticated and authorized, Mesos included; HTTPS is required and services must authenticate.',
  permissive:
    'Permissions are enforced except for Mesos; HTTP is still served and service authentication is optional inside the cluster.',
  disabled: 'Only minimal security features: no Marathon or Mesos permissions. Not intended for production.',
};
