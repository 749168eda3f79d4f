export { SubmitPage as default } from './submit-page.tsx';
