import {
  ActionButton,
  ContextualMenuItemType,
  Text,
  type IContextualMenuItem,
} from '@fluentui/react';
import { useState } from 'react';
import { useSignOut } from '../../features/auth/index.ts';
import { copyText } from '../../lib/clipboard.ts';
import { useSession } from '../../lib/use-session.ts';
import { useThemeChoice } from '../theme/theme-choice.tsx';

/** The signed-in person's menu: API token for the CLI, theme, sign out. */
export function UserMenu() {
  const session = useSession();
  const signOut = useSignOut();
  const { themeName, setThemeName } = useThemeChoice();
  const [notice, setNotice] = useState('');
  if (!session) return null;

  const announce = (text: string) => {
    setNotice(text);
    setTimeout(() => setNotice(''), 4000);
  };
  const items: IContextualMenuItem[] = [
    {
      key: 'who',
      itemType: ItemHeader,
      text: `Signed in as ${session.user}${session.admin ? ' (admin)' : ''}`,
    },
    {
      key: 'token',
      text: 'Copy my API token',
      title: 'For the CLI and scripts: Authorization: Bearer <token>',
      iconProps: { iconName: 'Copy' },
      onClick: () => {
        copyText(session.token).then(
          () => announce('API token copied to the clipboard.'),
          () => announce('The browser did not allow copying the token.'),
        );
      },
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
      <Text role="status" styles={{ root: { color: '#ffffff', order: -1, marginRight: 8 } }}>
        {notice}
      </Text>
    </div>
  );
}

const ItemHeader = ContextualMenuItemType.Header;
