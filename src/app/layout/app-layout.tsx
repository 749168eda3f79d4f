import { mergeStyleSets, useTheme } from '@fluentui/react';
import { useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { RequireAuth } from '../../features/auth/index.ts';
import './all-icons.ts';
import { NARROW } from './breakpoints.ts';
import { SideNav } from './side-nav.tsx';
import { TopBar } from './top-bar.tsx';

const classes = mergeStyleSets({
  shell: {
    display: 'grid',
    gridTemplateRows: '48px 1fr',
    gridTemplateColumns: '200px minmax(0, 1fr)',
    gridTemplateAreas: '"top top" "nav main"',
    height: '100vh',
    position: 'relative',
    [`@media ${NARROW}`]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateAreas: '"top" "main"',
    },
  },
  main: {
    gridArea: 'main',
    overflow: 'auto',
    // The scrollbar's room is kept when the page is short, so a page's width does not change
    // when rows arrive (lists size their columns from it).
    scrollbarGutter: 'stable',
    padding: '16px 24px',
    [`@media ${NARROW}`]: { padding: '12px 12px' },
  },
  skip: {
    position: 'absolute',
    left: -9999,
    top: 8,
    zIndex: 10,
    padding: 8,
    selectors: { ':focus': { left: 8 } },
  },
});

/** The signed-in frame: top bar, left nav (behind a menu button on narrow screens), and the page. */
export function AppLayout() {
  const theme = useTheme();
  const [navOpen, setNavOpen] = useState(false);
  const { pathname } = useLocation();
  // A link followed from the opened menu closes it.
  useEffect(() => setNavOpen(false), [pathname]);
  return (
    <RequireAuth>
      <div className={classes.shell}>
        <a href="#main" className={classes.skip} style={{ background: theme.palette.white }}>
          Skip to content
        </a>
        <TopBar navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} />
        <SideNav open={navOpen} onClose={() => setNavOpen(false)} />
        <main id="main" className={classes.main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </RequireAuth>
  );
}
