import { MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { CopyButton } from '../../../components/copy-button.tsx';

/** A generated password, shown once: it is not kept anywhere the portal can show it again. */
export function PasswordShownOnce({ username, password }: { username: string; password: string }) {
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        Copy the password now and give it to {username}: it is shown only this once.
      </MessageBar>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <Text>
          Password for {username}: <code data-testid="generated-password">{password}</code>
        </Text>
        <CopyButton text={password} label={`password for ${username}`} />
      </Stack>
    </Stack>
  );
}
