import { IconButton, mergeStyleSets, Text } from '@fluentui/react';
import { Link } from 'react-router';
import { NARROW } from './breakpoints.ts';
import { UserMenu } from './user-menu.tsx';

const classes = mergeStyleSets({
  bar: {
    gridArea: 'top',
    display: 'flex',
    alignItems: 'center',
    gap: 8,
    padding: '0 8px 0 16px',
    [`@media ${NARROW}`]: { paddingLeft: 4 },
  },
  brand: { textDecoration: 'none', color: 'inherit', fontWeight: 600, marginRight: 'auto' },
  menu: { display: 'none', [`@media ${NARROW}`]: { display: 'inline-flex' } },
});

/** One dark blue in both themes, so its white text keeps its contrast. */
const TOP_BAR_BACKGROUND = '#004578';

interface TopBarProps {
  navOpen: boolean;
  onToggleNav: () => void;
}

export function TopBar({ navOpen, onToggleNav }: TopBarProps) {
  return (
    <header className={classes.bar} style={{ background: TOP_BAR_BACKGROUND, color: '#ffffff' }}>
      <IconButton
        className={classes.menu}
        iconProps={{ iconName: navOpen ? 'Cancel' : 'GlobalNavButton' }}
        ariaLabel="Menu"
        aria-expanded={navOpen}
        aria-controls="main-nav"
        onClick={onToggleNav}
        styles={{
          root: { color: '#ffffff' },
          rootHovered: { color: '#ffffff', background: '#005a9e' },
          rootPressed: { color: '#ffffff', background: '#106ebe' },
          rootExpanded: { color: '#ffffff', background: '#005a9e' },
        }}
      />
      <Link to="/" className={classes.brand}>
        <Text variant="large" styles={{ root: { color: 'inherit', fontWeight: 600 } }}>
          PAI Portal
        </Text>
      </Link>
      <UserMenu />
    </header>
  );
}
