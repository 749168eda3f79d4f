import { Nav, type INavLink } from '@fluentui/react';
import { useLocation, useNavigate } from 'react-router';

const links: INavLink[] = [
  { key: 'home', name: 'Home', url: '/', icon: 'Home' },
  { key: 'jobs', name: 'Jobs', url: '/jobs', icon: 'TaskManager' },
  { key: 'submit', name: 'Submit job', url: '/submit', icon: 'Add' },
];

function selectedKey(pathname: string): string | undefined {
  if (pathname === '/') return 'home';
  if (pathname.startsWith('/jobs')) return 'jobs';
  if (pathname.startsWith('/submit')) return 'submit';
  return undefined;
}

export function SideNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <nav aria-label="Main" style={{ gridArea: 'nav', overflow: 'auto' }}>
      <Nav
        groups={[{ links }]}
        selectedKey={selectedKey(pathname)}
        onLinkClick={(event, link) => {
          if (!link?.url || event?.ctrlKey || event?.metaKey || event?.shiftKey) return;
          event?.preventDefault();
          navigate(link.url);
        }}
      />
    </nav>
  );
}
