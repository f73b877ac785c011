import { z } from 'zod';
import { request, requestVoid } from './request.ts';

const IAM = '/acs/api/v1';

export const loginInputSchema = z.object({
  uid: z.string().trim().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

const loginResponseSchema = z.object({ token: z.string().min(1) });

/**
 * Signs in with a local uid and password. The server sets the HttpOnly session cookie; the token in the body is
 * checked for shape and then dropped: the console never keeps a token where scripts could read it.
 */
export async function login(input: LoginInput): Promise<void> {
  await request(`${IAM}/auth/login`, loginResponseSchema, { method: 'POST', body: { uid: input.uid, password: input.password }, reauth: false });
}

/** Ends the session on the server: the IAM expires the HttpOnly auth cookie. */
export async function logout(): Promise<void> {
  await requestVoid(`${IAM}/auth/logout`, { reauth: false });
}
