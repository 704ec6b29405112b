export { SharedWithMePage } from './SharedWithMePage';
export { SharingPanel } from './SharingPanel';
