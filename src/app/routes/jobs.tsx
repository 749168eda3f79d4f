export { JobListPage as Component } from '../../features/jobs/index.ts';
