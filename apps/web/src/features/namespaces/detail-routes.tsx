// The organization page loads apart from the list, which is the first page after sign-in.
export { NamespaceDetailPage } from './NamespaceDetailPage';
