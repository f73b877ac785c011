// The IAM's single sign-on endpoints, shared by the IAM handlers and the simulated identity provider.
import { IAM } from './iam.ts';

export const OIDC_CALLBACK_PATH = `${IAM}/auth/oidc/callback`;

/** Provider IDs in these paths are limited to `[0-9a-z-]` (the Admin Router regex allows `[0-9a-zA-Z-]+`). */
export function acsCallbackPath(providerId: string): string {
  return `${IAM}/auth/saml/providers/${providerId}/acs-callback`;
}

export function spMetadataPath(providerId: string): string {
  return `${IAM}/auth/saml/providers/${providerId}/sp-metadata`;
}
