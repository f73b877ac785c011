import { useQuery } from '@tanstack/react-query';
import { providerQueries, spMetadataUrl } from '@/api/providers.ts';
import { CopyButton } from '@/ui/copy-button.tsx';

/** What the identity provider's administrator needs from this cluster: where to post responses, and the SP metadata. */
export function SamlUrls({ id, spBaseUrl }: { id: string; spBaseUrl: string }) {
  const acs = useQuery(providerQueries.acsCallbackUrl(id));
  const metadata = spMetadataUrl(spBaseUrl, id);
  return (
    <section className="card" aria-labelledby="saml-urls-heading">
      <h2 id="saml-urls-heading">For the identity provider</h2>
      <dl className="props">
        <dt>ACS callback URL</dt>
        <dd>
          {acs.isSuccess ? (
            <>
              <span className="mono">{acs.data}</span> <CopyButton text={acs.data} label="Copy the ACS callback URL" />
            </>
          ) : acs.isError ? (
            <span role="alert">Could not read it: {acs.error.message}</span>
          ) : (
            <span role="status">Loading…</span>
          )}
        </dd>
        <dt>SP metadata URL</dt>
        <dd>
          <span className="mono">{metadata}</span> <CopyButton text={metadata} label="Copy the SP metadata URL" />
        </dd>
      </dl>
    </section>
  );
}
