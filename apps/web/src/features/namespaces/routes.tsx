export { NamespacesPage } from './NamespacesPage';
export { NamespaceDetailPage } from './NamespaceDetailPage';
