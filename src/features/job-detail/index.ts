export { JobDetailPage as default } from './components/job-detail-page.tsx';
