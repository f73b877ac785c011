/**
 * One or more sample URLs for every route pattern of `createRoutes()` (src/app/router.tsx), all of which exist in the
 * seeded simulator (README, "The simulator"). e2e/accessibility.spec.ts runs axe on each sample in its states, and
 * src/app/route-coverage.test.ts fails naming any route pattern that has no sample here, so a new page joins the
 * matrix by default. Plain data: the unit test imports this file too, so it must not import Playwright.
 */

/** Who looks at the page: a seeded account, or nobody (signed out). */
export type SampleAccount = 'bootstrapuser' | 'alice' | 'bob' | null;

export interface RouteSample {
  /** Path and query of a page that exists in the seeded simulator. */
  url: string;
  /** The page's h1 once it has loaded. */
  heading: string | RegExp;
  /** Default: bootstrapuser (superuser). */
  account?: SampleAccount;
  /**
   * The request the page waits on before it can show its content (matched against the whole URL): held to show the
   * loading state, answered with a 500 to show the error state and its Retry button. `null` only for pages that
   * request nothing of their own before they show their content.
   */
  main: RegExp | null;
  /** The same page when it has nothing to list: its URL and the text that says so. */
  empty?: { url: string; text: string };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An IAM request, exactly this path and query. */
const iam = (path: string) => new RegExp(`/acs/api/v1${escape(path)}$`);
const secretsApi = (path: string) => new RegExp(`/secrets/v1${escape(path)}$`);

const NO_MATCH = 'zz-no-such-thing';

export const ROUTE_SAMPLES: Readonly<Record<string, readonly RouteSample[]>> = {
  // Signed out, the sign-in form asks nothing of the cluster until it is submitted.
  '/login': [{ url: '/login', heading: 'Sign in to DC/OS', account: null, main: null }],
  // The overview's data is the session check of the protected route: holding it shows the app's loading screen.
  '/': [{ url: '/', heading: 'Overview', main: iam('/users/bootstrapuser/permissions') }],
  '/organization': [{ url: '/organization', heading: 'Users', main: iam('/users') }],
  '/organization/users': [
    {
      url: '/organization/users',
      heading: 'Users',
      main: iam('/users'),
      empty: { url: `/organization/users?q=${NO_MATCH}`, text: 'No users match this search.' },
    },
    // An account without the IAM permission sees the access-denied page.
    { url: '/organization/users', heading: 'Access denied', account: 'bob', main: null },
  ],
  '/organization/users/:uid': [{ url: '/organization/users/alice', heading: 'alice', main: iam('/users/alice') }],
  '/organization/users/:uid/permissions': [
    {
      url: '/organization/users/alice/permissions',
      heading: 'alice',
      main: iam('/users/alice/permissions'),
      empty: { url: '/organization/users/bob/permissions', text: 'No permissions yet. Grant one to start.' },
    },
  ],
  '/organization/users/:uid/:tab': [
    {
      url: '/organization/users/alice/groups',
      heading: 'alice',
      main: iam('/users/alice/groups'),
      empty: { url: '/organization/users/bob/groups', text: 'Not a member of any group.' },
    },
  ],
  '/organization/groups': [
    {
      url: '/organization/groups',
      heading: 'Groups',
      main: iam('/groups'),
      empty: { url: `/organization/groups?q=${NO_MATCH}`, text: 'No groups match this search.' },
    },
  ],
  '/organization/groups/:gid': [
    { url: '/organization/groups/developers', heading: 'developers', main: iam('/groups/developers') },
  ],
  '/organization/groups/:gid/permissions': [
    {
      url: '/organization/groups/superusers/permissions',
      heading: 'superusers',
      main: iam('/groups/superusers/permissions'),
    },
  ],
  '/organization/groups/:gid/:tab': [
    { url: '/organization/groups/superusers/users', heading: 'superusers', main: iam('/groups/superusers/users') },
    {
      url: '/organization/groups/developers/service-accounts',
      heading: 'developers',
      main: iam('/groups/developers/users?type=service'),
      empty: { url: '/organization/groups/operators/service-accounts', text: 'No service accounts in this group.' },
    },
  ],
  '/organization/service-accounts': [
    {
      url: '/organization/service-accounts',
      heading: 'Service accounts',
      main: iam('/users?type=service'),
      empty: { url: `/organization/service-accounts?q=${NO_MATCH}`, text: 'No service accounts match this search.' },
    },
  ],
  '/organization/service-accounts/:uid': [
    {
      url: '/organization/service-accounts/dcos_marathon',
      heading: 'dcos_marathon',
      main: iam('/users/dcos_marathon'),
    },
  ],
  '/organization/service-accounts/:uid/permissions': [
    {
      url: '/organization/service-accounts/jenkins/permissions',
      heading: 'jenkins',
      main: iam('/users/jenkins/permissions'),
    },
  ],
  '/organization/service-accounts/:uid/:tab': [
    {
      url: '/organization/service-accounts/jenkins/groups',
      heading: 'jenkins',
      main: iam('/users/jenkins/groups'),
      empty: { url: '/organization/service-accounts/dcos_marathon/groups', text: 'Not a member of any group.' },
    },
  ],
  '/permissions': [
    {
      url: '/permissions',
      heading: 'Permissions',
      main: iam('/acls'),
      empty: { url: `/permissions?q=${NO_MATCH}`, text: 'No resource matches this search.' },
    },
  ],
  '/permissions/check': [
    // The question lives in the URL; the answer reads the account's permissions.
    {
      url: '/permissions/check?uid=carol&rid=dcos%3Aservice%3Amarathon%3Amarathon%3Aservices%3A%2Fdev%2Fapp&action=update',
      heading: 'Check access',
      main: iam('/users/carol/permissions'),
    },
    {
      url: '/permissions/check?uid=bob&rid=dcos%3Aadminrouter%3Aops%3Ametadata&action=full',
      heading: 'Check access',
      main: iam('/users/bob/permissions'),
    },
  ],
  // The access review: the question in the URL is answered from the ACLs it concerns, dcos:superuser first among them.
  '/permissions/who': [
    {
      url: '/permissions/who?rid=dcos%3Aservice%3Amarathon%3Amarathon%3Aservices%3A%2Fdev%2Fapp&action=update',
      heading: 'Who can?',
      main: iam('/acls/dcos:superuser/permissions'),
    },
    // What membership of a group gives is read from the group's own grants first, then what those rids need.
    { url: '/permissions/who?group=developers', heading: 'Who can?', main: iam('/groups/developers/permissions') },
  ],
  '/permissions/acls/*': [
    {
      url: '/permissions/acls/dcos:service:marathon:marathon:services:/dev',
      heading: 'dcos:service:marathon:marathon:services:/dev',
      main: iam('/acls/dcos:service:marathon:marathon:services:%252Fdev'),
    },
  ],
  '/secrets': [
    {
      url: '/secrets',
      heading: 'Secrets',
      main: secretsApi('/secret/default/?list=true'),
      empty: { url: `/secrets?q=${NO_MATCH}`, text: 'No path matches this search.' },
    },
    { url: '/secrets?path=group%2Fspark', heading: 'Secrets', main: secretsApi('/secret/default/?list=true') },
    // An account that may not list secrets can still open one by path.
    { url: '/secrets', heading: 'Secrets', account: 'bob', main: null },
    // An account that may list only a folder: the root list is refused, then the folder is listed by itself.
    {
      url: '/secrets?path=group',
      heading: 'Secrets',
      account: 'alice',
      main: secretsApi('/secret/default/group?list=true'),
    },
  ],
  // A form: nothing is read until it is submitted.
  '/secrets/new': [{ url: '/secrets/new', heading: 'Create secret', main: null }],
  // The value is fetched only on Reveal (never with the page), so the page shows at once.
  '/secrets/view/*': [
    { url: '/secrets/view/group/spark/aws-secret-key', heading: 'group/spark/aws-secret-key', main: null },
  ],
  // Settings: identity providers (OIDC and SAML) and the directory (LDAP).
  '/settings': [{ url: '/settings', heading: 'Identity providers', main: iam('/auth/oidc/providers') }],
  // Forms for a new provider: nothing is read until they are submitted.
  '/settings/new/:kind': [
    { url: '/settings/new/oidc', heading: 'New OpenID Connect provider', main: null },
    { url: '/settings/new/saml', heading: 'New SAML 2.0 provider', main: null },
  ],
  '/settings/:kind/:id': [
    { url: '/settings/oidc/google-idp', heading: /^google-idp/, main: iam('/auth/oidc/providers/google-idp') },
    { url: '/settings/saml/okta-saml', heading: /^okta-saml/, main: iam('/auth/saml/providers/okta-saml') },
  ],
  '/settings/directory': [{ url: '/settings/directory', heading: 'Directory (LDAP)', main: iam('/ldap/config') }],
  // Nothing is read until an export or a comparison is asked for.
  '/settings/iam-file': [{ url: '/settings/iam-file', heading: 'IAM file', main: null }],
  // Outside the re-authentication popup the page just goes home, which without a session is the sign-in page.
  '/sso-done': [{ url: '/sso-done', heading: 'Sign in to DC/OS', account: null, main: null }],
  '/*': [{ url: '/no-such-page', heading: 'Page not found', main: null }],
};
