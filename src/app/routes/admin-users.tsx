import { UsersPage } from '../../features/admin-users/index.ts';
import { AdminOnly } from './admin-only.tsx';

export function Component() {
  return (
    <AdminOnly>
      <UsersPage />
    </AdminOnly>
  );
}
