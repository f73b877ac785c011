import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logout } from '@/api/auth.ts';
import { paths } from '@/lib/paths.ts';
import { announceSession } from '@/lib/session-channel.ts';
import { expireSessionInfo } from '@/lib/session.ts';

/**
 * Ends the session for real: the IAM expires the HttpOnly cookie, the console expires the info cookie, drops every
 * cached answer and tells its other tabs. If the cluster cannot be reached, the error is shown and nothing pretends.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      expireSessionInfo();
      queryClient.clear();
      announceSession({ type: 'signed-out' });
      // A push, not a replace: Back then re-enters a protected page, whose loader sends it to sign-in.
      await navigate(paths.login());
    },
  });
}
