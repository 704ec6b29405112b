export { TagsPanel } from './TagsPanel';
