export { JobDetailPage as default } from './job-detail-page.tsx';
