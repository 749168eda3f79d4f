export { JobListPage } from './components/job-list-page.tsx';
