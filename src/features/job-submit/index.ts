export { SubmitPage as default } from './components/submit-page.tsx';
