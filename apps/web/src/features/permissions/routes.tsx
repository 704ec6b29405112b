export { PermissionsPanel } from './PermissionsPanel';
