export { VirtualClustersPage } from './components/vcs-page.tsx';
