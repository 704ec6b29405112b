export { EnterprisePage } from './EnterprisePage';
