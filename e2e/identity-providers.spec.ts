import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

const METADATA = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://adfs.example.com/adfs/services/trust">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://adfs.example.com/adfs/ls/"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

/** The sign-in page's buttons as someone signed out sees them: a second browser context on the same test database. */
async function signInButtons(browser: Browser, page: Page): Promise<string[]> {
  const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const cookie = (await page.context().cookies()).find((c) => c.name === 'dcos-sim-db');
  if (cookie) await other.addCookies([cookie]);
  const signedOut = await other.newPage();
  await signedOut.goto('/login');
  const region = signedOut.getByRole('region', { name: 'Single sign-on' });
  await expect(region.getByRole('link').first()).toBeVisible();
  const names = await region.getByRole('link').allTextContents();
  await other.close();
  return names;
}

test.describe('Identity providers', () => {
  test('create, edit and delete an OIDC provider, and see the sign-in button follow', async ({ page, browser }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsettings');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }),
    ).toHaveAttribute('aria-current', 'page');
    await page.getByRole('link', { name: 'Add OIDC provider' }).click();
    await expect(page).toHaveURL('/settings/new/oidc');
    await page.getByLabel('Provider ID').fill('corp-sso');
    await page.getByLabel('Description').fill('Corporate SSO');
    await page.getByLabel('Issuer').fill('http://sso.example.com');
    await page.getByLabel('Client ID').fill('dcos-console');
    await page.getByLabel('Client secret').fill('very-secret-value');
    await page.getByRole('button', { name: 'Create provider' }).click();
    await expect(page.getByLabel('Issuer')).toHaveAccessibleDescription(/Enter the issuer’s https URL/);
    await page.getByLabel('Issuer').fill('https://sso.example.com');
    await page.getByRole('button', { name: 'Create provider' }).click();

    await expect(page).toHaveURL('/settings/oidc/corp-sso');
    await expect(page.getByRole('status').getByText('Created the OIDC provider corp-sso.')).toBeVisible();
    // The secret is never shown again, not even in the form.
    await expect(page.getByLabel('Client secret')).toHaveValue('');
    await expect(page.locator('body')).not.toContainText('very-secret-value');
    expect(await signInButtons(browser, page)).toEqual([
      'Sign in with Corporate SSO',
      'Sign in with Google',
      'Sign in with Okta',
    ]);

    await page.getByLabel('Description').fill('Corp SSO');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').getByText('Saved the OIDC provider corp-sso.')).toBeVisible();
    expect(await signInButtons(browser, page)).toContain('Sign in with Corp SSO');

    await page.getByRole('button', { name: 'Delete provider' }).click();
    await page
      .getByRole('dialog', { name: 'Delete provider corp-sso?' })
      .getByRole('button', { name: 'Delete provider' })
      .click();
    await expect(page).toHaveURL('/settings');
    await expect(page.getByRole('link', { name: /corp-sso/ })).toHaveCount(0);
    expect(await signInButtons(browser, page)).toEqual(['Sign in with Google', 'Sign in with Okta']);
  });

  test('create, edit and delete a SAML provider, with its ACS and SP metadata URLs', async ({ page, browser }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsettings%2Fnew%2Fsaml');
    await page.getByLabel('Provider ID').fill('adfs');
    await page.getByLabel('Description').fill('ADFS');
    await page.getByLabel('IdP metadata (XML)').fill(METADATA.replace('</md:EntityDescriptor>', ''));
    await page.getByRole('button', { name: 'Create provider' }).click();
    await expect(page.getByLabel('IdP metadata (XML)')).toHaveAccessibleDescription(/This is not well-formed XML\./);
    await page.getByLabel('IdP metadata (XML)').fill(METADATA);
    await expect(page.getByText('Entity ID found: https://adfs.example.com/adfs/services/trust')).toBeVisible();
    await page.getByRole('button', { name: 'Create provider' }).click();

    await expect(page).toHaveURL('/settings/saml/adfs');
    const urls = page.getByRole('region', { name: 'For the identity provider' });
    const origin = new URL(page.url()).origin;
    await expect(urls).toContainText(`${origin}/acs/api/v1/auth/saml/providers/adfs/acs-callback`);
    await expect(urls).toContainText(`${origin}/acs/api/v1/auth/saml/providers/adfs/sp-metadata`);
    await expect(urls.getByRole('button', { name: 'Copy the ACS callback URL' })).toBeVisible();
    expect(await signInButtons(browser, page)).toContain('Sign in with ADFS');

    await page.getByLabel('Description').fill('Active Directory');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').getByText('Saved the SAML provider adfs.')).toBeVisible();

    await page.getByRole('link', { name: 'Identity providers' }).first().click();
    // The row names the provider by ID and description and opens it for editing.
    await page.getByRole('link', { name: 'Edit adfs — Active Directory' }).click();
    await expect(page).toHaveURL('/settings/saml/adfs');
    await page.goBack();
    await page.getByRole('button', { name: 'Delete provider adfs' }).click();
    await page
      .getByRole('dialog', { name: 'Delete provider adfs?' })
      .getByRole('button', { name: 'Delete provider' })
      .click();
    await expect(page.getByRole('status').getByText('Deleted the provider adfs.')).toBeVisible();
    expect(await signInButtons(browser, page)).toEqual(['Sign in with Google', 'Sign in with Okta']);
  });

  test('accounts without the IAM permission do not see Settings', async ({ page }) => {
    await signIn(page, 'bob', 'bob-pass');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  });
});
