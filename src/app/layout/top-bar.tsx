import { mergeStyleSets, Text } from '@fluentui/react';
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

/** One dark blue in both themes, so its white text keeps its contrast. */
const TOP_BAR_BACKGROUND = '#004578';

export function TopBar() {
  return (
    <header className={classes.bar} style={{ background: TOP_BAR_BACKGROUND, color: '#ffffff' }}>
      <Link to="/" className={classes.brand}>
        <Text variant="large" styles={{ root: { color: 'inherit', fontWeight: 600 } }}>
          PAI Portal
        </Text>
      </Link>
      <UserMenu />
    </header>
  );
}
