export { SharedWithMePage } from './SharedWithMePage';
