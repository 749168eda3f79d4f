import { DefaultButton, MessageBar, MessageBarType } from '@fluentui/react';
import { Column } from '../../../components/column.tsx';
import { useState } from 'react';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { useAzureSignIn } from '../azure-sign-in.tsx';

/** "Sign in with Azure AD": hands over to the Azure AD integration with the page to come back to. */
export function AzureSignInButton({ from }: { from: string }) {
  const azureSignIn = useAzureSignIn();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    if (!azureSignIn) return;
    setError(null);
    setBusy(true);
    try {
      await azureSignIn(from);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Column gap={8}>
      <DefaultButton
        iconProps={{ iconName: 'AzureLogo' }}
        onClick={start}
        disabled={!azureSignIn || busy}
      >
        Sign in with Azure AD
      </DefaultButton>
      {!azureSignIn ? (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          This cluster signs people in with Azure AD, but this portal has no Azure AD settings. Ask
          your administrator to add them to config.json.
        </MessageBar>
      ) : null}
      {error ? <ErrorBar error={error} title="Azure AD sign-in failed" /> : null}
    </Column>
  );
}
