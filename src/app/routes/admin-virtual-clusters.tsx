import { VirtualClustersPage } from '../../features/admin-vcs/index.ts';
import { AdminOnly } from './admin-only.tsx';

export function Component() {
  return (
    <AdminOnly>
      <VirtualClustersPage />
    </AdminOnly>
  );
}
