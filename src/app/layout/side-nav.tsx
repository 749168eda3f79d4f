import { mergeStyleSets, Nav, useTheme, type INavLink } from '@fluentui/react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../lib/use-session.ts';
import { NARROW } from './breakpoints.ts';

const links: INavLink[] = [
  { key: 'home', name: 'Home', url: '/', icon: 'Home' },
  { key: 'jobs', name: 'Jobs', url: '/jobs', icon: 'TaskManager' },
  { key: 'submit', name: 'Submit job', url: '/submit', icon: 'Add' },
];

/** Shown to admins only; the pages and the server refuse everyone else anyway. */
const adminLinks: INavLink[] = [
  { key: 'admin-users', name: 'Users', url: '/admin/users', icon: 'People' },
  { key: 'admin-vcs', name: 'Virtual clusters', url: '/admin/virtual-clusters', icon: 'Org' },
];

const classes = mergeStyleSets({
  nav: { gridArea: 'nav', overflow: 'auto' },
  // Narrow: hidden until the menu button opens it, then a panel under the top bar.
  closed: { [`@media ${NARROW}`]: { display: 'none' } },
  open: {
    [`@media ${NARROW}`]: {
      position: 'absolute',
      top: 48,
      left: 0,
      width: 240,
      maxWidth: '100%',
      bottom: 0,
      zIndex: 20,
      boxShadow: '0 6px 16px rgba(0, 0, 0, 0.3)',
    },
  },
});

function selectedKey(pathname: string): string | undefined {
  if (pathname === '/') return 'home';
  if (pathname.startsWith('/jobs')) return 'jobs';
  if (pathname.startsWith('/submit')) return 'submit';
  if (pathname.startsWith('/admin/users')) return 'admin-users';
  if (pathname.startsWith('/admin/virtual-clusters')) return 'admin-vcs';
  return undefined;
}

export function SideNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const theme = useTheme();
  const admin = useSession()?.admin === true;
  return (
    <nav
      id="main-nav"
      aria-label="Main"
      className={`${classes.nav} ${open ? classes.open : classes.closed}`}
      style={{ background: theme.palette.white }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <Nav
        groups={admin ? [{ links }, { name: 'Administration', links: adminLinks }] : [{ links }]}
        selectedKey={selectedKey(pathname)}
        onLinkClick={(event, link) => {
          if (!link?.url || event?.ctrlKey || event?.metaKey || event?.shiftKey) return;
          event?.preventDefault();
          onClose();
          navigate(link.url);
        }}
      />
    </nav>
  );
}
