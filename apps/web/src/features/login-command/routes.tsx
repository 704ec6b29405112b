export { LoginCommandPage } from './LoginCommandPage';
