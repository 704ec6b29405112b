export { EnterprisePage } from './EnterprisePage';
export { NamespacePage as EnterpriseNamespacePage } from './NamespacePage';
