import { mergeStyleSets, useTheme } from '@fluentui/react';
import { Outlet } from 'react-router';
import { RequireAuth } from '../../features/auth/index.ts';
import './all-icons.ts';
import { SideNav } from './side-nav.tsx';
import { TopBar } from './top-bar.tsx';

const classes = mergeStyleSets({
  shell: {
    display: 'grid',
    gridTemplateRows: '48px 1fr',
    gridTemplateColumns: '200px minmax(0, 1fr)',
    gridTemplateAreas: '"top top" "nav main"',
    height: '100vh',
    '@media (max-width: 720px)': { gridTemplateColumns: '0 minmax(0, 1fr)' },
  },
  main: { gridArea: 'main', overflow: 'auto', padding: '16px 24px' },
  skip: {
    position: 'absolute',
    left: -9999,
    top: 8,
    zIndex: 10,
    padding: 8,
    selectors: { ':focus': { left: 8 } },
  },
});

/** The signed-in frame: top bar, left nav, and the page. */
export function AppLayout() {
  const theme = useTheme();
  return (
    <RequireAuth>
      <div className={classes.shell}>
        <a href="#main" className={classes.skip} style={{ background: theme.palette.white }}>
          Skip to content
        </a>
        <TopBar />
        <SideNav />
        <main id="main" className={classes.main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </RequireAuth>
  );
}
