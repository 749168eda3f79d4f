import { mergeStyleSets, Text, useTheme } from '@fluentui/react';
import { Link } from 'react-router';
import { UserMenu } from './user-menu.tsx';

const classes = mergeStyleSets({
  bar: {
    gridArea: 'top',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: '0 8px 0 16px',
  },
  brand: { textDecoration: 'none', color: 'inherit', fontWeight: 600 },
});

export function TopBar() {
  const theme = useTheme();
  return (
    <header
      className={classes.bar}
      style={{ background: theme.palette.themeDarker, color: '#ffffff' }}
    >
      <Link to="/" className={classes.brand}>
        <Text variant="large" styles={{ root: { color: 'inherit', fontWeight: 600 } }}>
          PAI Portal
        </Text>
      </Link>
      <UserMenu />
    </header>
  );
}
