/** Every in-app URL, built in one place. */
export const paths = {
  home: () => '/',
  /** Where single sign-on in the re-authentication popup ends (and where a failed one is sent, `?iam-error=`). */
  ssoDone: () => '/sso-done',
  login: (redirect?: string) =>
    redirect && redirect !== '/' ? `/login?${new URLSearchParams({ redirect }).toString()}` : '/login',
} as const;

export type UserTab = 'details' | 'groups' | 'permissions';
export type GroupTab = 'details' | 'users' | 'service-accounts' | 'permissions';

const seg = (value: string) => encodeURIComponent(value);

export const orgPaths = {
  users: () => '/organization/users',
  user: (uid: string, tab: UserTab = 'details') =>
    `/organization/users/${seg(uid)}${tab === 'details' ? '' : `/${tab}`}`,
  groups: () => '/organization/groups',
  group: (gid: string, tab: GroupTab = 'details') =>
    `/organization/groups/${seg(gid)}${tab === 'details' ? '' : `/${tab}`}`,
  serviceAccounts: () => '/organization/service-accounts',
  serviceAccount: (uid: string, tab: UserTab = 'details') =>
    `/organization/service-accounts/${seg(uid)}${tab === 'details' ? '' : `/${tab}`}`,
} as const;

export const secretPaths = {
  list: (params: { folder?: string; q?: string; view?: 'tree' | 'flat' } = {}) => {
    const search = new URLSearchParams();
    if (params.folder) search.set('path', params.folder);
    if (params.q) search.set('q', params.q);
    if (params.view === 'flat') search.set('view', 'flat');
    const text = search.toString();
    return text ? `/secrets?${text}` : '/secrets';
  },
  /** Secret paths keep their slashes in the URL: /secrets/view/group/app/password. */
  view: (path: string) => `/secrets/view/${path.split('/').map(encodeURIComponent).join('/')}`,
  create: (folder = '') =>
    folder ? `/secrets/new?${new URLSearchParams({ path: folder }).toString()}` : '/secrets/new',
} as const;

export const permissionPaths = {
  /** Every resource with an ACL, searchable. */
  acls: (q = '') => (q ? `/permissions?${new URLSearchParams({ q }).toString()}` : '/permissions'),
  /** One resource: rids keep their `/` in the URL, like secret paths. */
  acl: (rid: string) =>
    `/permissions/acls/${rid
      .split('/')
      .map((part) => encodeURIComponent(part).replaceAll('%3A', ':'))
      .join('/')}`,
  check: (params: { uid?: string; rid?: string; action?: string } = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `/permissions/check?${text}` : '/permissions/check';
  },
  /** The access review: who can do `action` on `rid`, or what membership of `group` gives. */
  who: (params: { rid?: string; action?: string; group?: string } = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `/permissions/who?${text}` : '/permissions/who';
  },
} as const;

export type ProviderKind = 'oidc' | 'saml';

/** Settings: the identity providers (the first tab, at /settings), the directory and the IAM file. */
export const settingsPaths = {
  providers: () => '/settings',
  provider: (kind: ProviderKind, id: string) => `/settings/${kind}/${seg(id)}`,
  /** `new` cannot clash with a provider: a provider's path has its kind first. */
  newProvider: (kind: ProviderKind) => `/settings/new/${kind}`,
  directory: () => '/settings/directory',
  /** Export, compare and apply the cluster's IAM as one file. */
  iamFile: () => '/settings/iam-file',
} as const;
