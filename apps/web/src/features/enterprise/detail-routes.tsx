// A namespace's page loads apart from the instance's list of namespaces.
export { NamespacePage as EnterpriseNamespacePage } from './NamespacePage';
