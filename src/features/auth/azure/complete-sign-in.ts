import type { LoginResponse } from '../../../../contract/api-types.ts';
import type { AzureSettings } from './azure-settings.ts';
import { exchangeProviderTokens } from '../../../api/authn/post-oidc-return.ts';
import { completeMsalSignIn, hasMsalAnswer } from './msal-client.ts';
import { hasServerAnswer, takeServerAnswer } from './server-flow.ts';

export interface CompletedSignIn {
  login: LoginResponse;
  /** The page first asked for. */
  from: string;
}

/** True when the address holds the answer of a sign-in that this page must finish first. */
export const hasSignInAnswer = (settings: AzureSettings) =>
  settings.flow === 'server' ? hasServerAnswer() : hasMsalAnswer();

async function complete(settings: AzureSettings): Promise<CompletedSignIn | null> {
  if (settings.flow === 'server') {
    const answer = takeServerAnswer();
    if (!answer) return null;
    if ('error' in answer) throw new Error(answer.error);
    return answer;
  }
  const answer = await completeMsalSignIn(settings);
  if (!answer) return null;
  return { login: await exchangeProviderTokens(answer.tokens), from: answer.from };
}

let completion: Promise<CompletedSignIn | null> | undefined;

/** Finishes the sign-in in the address, once per page load (an answer can be used only once). */
export function completeSignIn(settings: AzureSettings): Promise<CompletedSignIn | null> {
  completion ??= complete(settings);
  return completion;
}
