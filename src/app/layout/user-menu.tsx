import { ActionButton, ContextualMenuItemType, type IContextualMenuItem } from '@fluentui/react';
import { lazy, Suspense, useState } from 'react';
import { useSignOut } from '../../features/auth/index.ts';
import { useSession } from '../../lib/use-session.ts';
import { useThemeChoice } from '../theme/theme-choice.tsx';

const ApiTokensDialog = lazy(() =>
  import('./api-tokens/api-tokens-dialog.tsx').then((module) => ({
    default: module.ApiTokensDialog,
  })),
);

/** The signed-in person's menu: API tokens for the CLI and scripts, theme, sign out. */
export function UserMenu() {
  const session = useSession();
  const signOut = useSignOut();
  const { themeName, setThemeName } = useThemeChoice();
  const [tokensOpen, setTokensOpen] = useState(false);
  if (!session) return null;

  const items: IContextualMenuItem[] = [
    {
      key: 'who',
      itemType: ItemHeader,
      text: `Signed in as ${session.user}${session.admin ? ' · administrator' : ''}`,
    },
    {
      key: 'tokens',
      text: 'API tokens…',
      title: 'Tokens for the CLI and scripts that signing out does not end',
      iconProps: { iconName: 'Permissions' },
      onClick: () => setTokensOpen(true),
    },
    {
      key: 'theme',
      text: themeName === 'dark' ? 'Light theme' : 'Dark theme',
      iconProps: { iconName: themeName === 'dark' ? 'Sunny' : 'ClearNight' },
      onClick: () => setThemeName(themeName === 'dark' ? 'light' : 'dark'),
    },
    { key: 'divider', itemType: ContextualMenuItemType.Divider },
    {
      key: 'sign-out',
      text: 'Sign out',
      iconProps: { iconName: 'SignOut' },
      onClick: () => {
        signOut.mutate(); // the route guard then shows the sign-in page
      },
    },
  ];
  return (
    <div style={{ display: 'flex', alignItems: 'center' }}>
      <ActionButton
        menuProps={{ items }}
        iconProps={{ iconName: 'Contact' }}
        styles={{
          root: { color: '#ffffff' },
          rootHovered: { color: '#ffffff' },
          icon: { color: '#ffffff' },
          menuIcon: { color: '#ffffff' },
        }}
        aria-label={`Account menu for ${session.user}`}
      >
        {session.user}
      </ActionButton>
      {tokensOpen ? (
        <Suspense fallback={null}>
          <ApiTokensDialog onDismiss={() => setTokensOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}

const ItemHeader = ContextualMenuItemType.Header;
