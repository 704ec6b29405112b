export { RetentionPlansPage } from './RetentionPlansPage';
