import { request } from '@/api/request.ts';
import { userPath, userSchema } from '@/api/users.ts';
import { readSessionInfo, writeSessionInfo, type SessionInfo } from '@/lib/session.ts';

/**
 * After a password sign-in: who is signed in, from the IAM's info cookie, or from the IAM itself when the browser did
 * not keep that cookie (issue 19: DC/OS writes the account's description into it, and a description of a few thousand
 * characters takes it past 4 KB, which browsers drop; the console must not then fail the sign-in). The account's own
 * record gives its description; an account that may not read it is still signed in, under its uid.
 */
export async function establishSession(uid: string, expiresAt: number | null): Promise<SessionInfo> {
  const current = readSessionInfo();
  if (current?.uid === uid) return current;
  let info: SessionInfo = { uid, description: '', is_remote: false };
  try {
    const user = await request(userPath(uid), userSchema, { reauth: false, timeoutMs: 10_000 });
    info = {
      uid,
      description: user.description,
      is_remote: user.provider_type === 'oidc' || user.provider_type === 'saml',
    };
  } catch {
    // Refused or unreachable: the uid is what the console needs; the label falls back to it.
  }
  writeSessionInfo(info, expiresAt);
  return readSessionInfo() ?? info;
}
