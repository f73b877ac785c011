// Password sign-in delegated to the directory back-end, and the config test that walks the same steps.
import { addUser } from '../db/entities.ts';
import type { SimDb, SimUser } from '../db/types.ts';
import { iamError } from '../lib/http.ts';
import { authenticate, firstValue } from '../lib/ldap-directory.ts';
import { isValidUid } from './iam.ts';

export interface LdapTestResult {
  code: string;
  description: string;
}

/** POST /ldap/config/test: connect, look the user up, bind as them; the first failing step is the answer. */
export function testDirectory(db: SimDb, uid: string, password: string): LdapTestResult {
  const config = db.ldap.config;
  if (!config) return { code: 'CONFIG_NOT_AVAILABLE', description: 'No LDAP configuration stored yet.' };
  const outcome = authenticate(config, db.ldap.directory, uid, password);
  return outcome.ok
    ? { code: 'TEST_PASSED', description: 'Directory back-end reached and all tests passed.' }
    : { code: outcome.code, description: outcome.description };
}

function invalidCredentials(): Response {
  return iamError(401, 'Invalid credentials.', 'ERR_INVALID_CREDENTIALS', { 'WWW-Authenticate': 'acsjwt' });
}

/**
 * POST /auth/login for a uid that is not a local account: an LDAP user, or an unknown uid the directory may know
 * (imported on first sign-in, as the IAM's own LDAP tests show). A wrong password or an unknown uid is the usual
 * ERR_INVALID_CREDENTIALS, so the answer does not reveal which accounts the directory holds; a known LDAP user
 * whose directory cannot be asked (no configuration, unreachable) gets ERR_LDAP_AUTH_FAILED, which says why.
 */
export function signInWithDirectory(db: SimDb, uid: string, password: string): SimUser | Response {
  const known = db.users.get(uid);
  if (known && known.providerType !== 'ldap') return invalidCredentials();
  const config = db.ldap.config;
  if (!config) {
    return known
      ? iamError(401, 'LDAP authentication failed: no LDAP configuration is stored.', 'ERR_LDAP_AUTH_FAILED', {
          'WWW-Authenticate': 'acsjwt',
        })
      : invalidCredentials();
  }
  const outcome = authenticate(config, db.ldap.directory, uid, password);
  if (!outcome.ok) {
    const unreachable = [
      'CONNECTION_FAILED',
      'TLS_FAILED',
      'LOOKUP_BIND_FAILED',
      'SEARCH_FAILED',
      'CONFIG_INCOMPLETE',
    ].includes(outcome.code);
    return known && unreachable
      ? iamError(401, `LDAP authentication failed: ${outcome.description}`, 'ERR_LDAP_AUTH_FAILED', {
          'WWW-Authenticate': 'acsjwt',
        })
      : invalidCredentials();
  }
  if (known) return known;
  if (!isValidUid(uid)) return invalidCredentials();
  addUser(db, { uid, description: firstValue(outcome.value, 'cn') ?? uid, providerType: 'ldap' });
  return db.users.get(uid) ?? invalidCredentials();
}
