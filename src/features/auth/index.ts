export { LoginPage } from './components/login-page.tsx';
export { RequireAuth } from './components/require-auth.tsx';
export { useSignOut } from './hooks/use-sign-out.ts';
export { AzureSignInProvider, type AzureSignIn } from './azure-sign-in.tsx';
export { AzureAdProvider } from './azure/azure-ad-provider.tsx';
