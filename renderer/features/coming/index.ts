export { ComingScreen } from './ComingScreen';
