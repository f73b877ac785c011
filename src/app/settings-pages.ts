// The Settings pages of two features as one lazy chunk. A deliberate exception to "no barrel files": every lazy route
// adds its chunk, and each chunk it shares, to the file list in the entry, which the sign-in page loads under a
// JavaScript budget; one chunk for the four pages keeps that list short.
export { DirectoryPage } from '@/features/directory/directory-page.tsx';
export { ProviderCreatePage } from '@/features/identity-providers/provider-create-page.tsx';
export { ProviderEditPage } from '@/features/identity-providers/provider-edit-page.tsx';
export { ProvidersPage } from '@/features/identity-providers/providers-page.tsx';
