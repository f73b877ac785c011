/** Every in-app URL, built in one place. */
export const paths = {
  home: () => '/',
  login: (redirect?: string) => (redirect && redirect !== '/' ? `/login?${new URLSearchParams({ redirect }).toString()}` : '/login'),
} as const;
