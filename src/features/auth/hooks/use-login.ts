import { useMutation } from '@tanstack/react-query';
import { loginWithPassword, type PasswordSignIn } from '../../../api/authn/post-basic-login.ts';
import { saveSession, sessionFromLogin } from '../../../lib/session.ts';

/** Signs in and stores the session in the token context. */
export function useLogin() {
  return useMutation({
    mutationFn: async (request: PasswordSignIn) => {
      const login = await loginWithPassword(request);
      saveSession(sessionFromLogin(login), request.keep);
      return login;
    },
  });
}
