import { useQuery } from '@tanstack/react-query';
import { updateUser, type User } from '@/api/users.ts';
import { CopyButton } from '@/ui/copy-button.tsx';
import { DescriptionForm } from '../shared/description-form.tsx';
import { useOrgMutation } from '../shared/use-org-mutation.ts';

function Fingerprint({ pem }: { pem: string }) {
  const fingerprint = useQuery({
    queryKey: ['public-key-fingerprint', pem],
    queryFn: async () => (await import('@/lib/rsa-keys.ts')).publicKeyFingerprint(pem),
    staleTime: Infinity,
  });
  if (fingerprint.isError) return <span className="muted">Not a readable RSA key.</span>;
  return <span className="mono">{fingerprint.data ?? 'Computing…'}</span>;
}

export function ServiceAccountDetails({ account }: { account: User }) {
  const save = useOrgMutation(
    (description: string) => updateUser(account.uid, { description }),
    () => `Saved the description of ${account.uid}.`,
  );
  return (
    <div className="grid-2">
      <section className="card" aria-label="Profile">
        <DescriptionForm initial={account.description} save={(d) => save.mutateAsync(d)} />
      </section>
      <section className="card" aria-labelledby="public-key-heading">
        <h2 id="public-key-heading">Public key</h2>
        {account.public_key ? (
          <>
            <dl className="props" style={{ marginBottom: '0.75rem' }}>
              <dt>SHA-256 fingerprint</dt>
              <dd>
                <Fingerprint pem={account.public_key} />
              </dd>
            </dl>
            {/* Wraps instead of scrolling, so there is no scroll region to reach by keyboard. */}
            <pre className="mono pem" aria-label="Public key PEM">
              {account.public_key}
            </pre>
            <p>
              <CopyButton text={account.public_key} label="Copy the public key" />
            </p>
          </>
        ) : (
          <p className="muted">The cluster did not return a public key for this account.</p>
        )}
      </section>
    </div>
  );
}
