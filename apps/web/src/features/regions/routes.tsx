export { RegionsComparePage } from './RegionsComparePage';
