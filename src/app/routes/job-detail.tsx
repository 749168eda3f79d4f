export { default as Component } from '../../features/job-detail/index.ts';
