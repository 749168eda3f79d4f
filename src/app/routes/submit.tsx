export { default as Component } from '../../features/job-submit/index.ts';
