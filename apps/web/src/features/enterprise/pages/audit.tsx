// The audit log loads apart from the instance's pages.
export { AuditPage } from '../AuditPage';
