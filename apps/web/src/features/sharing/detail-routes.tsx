// The repository's sharing tab loads apart from the shared-with-me page.
export { SharingPanel } from './SharingPanel';
