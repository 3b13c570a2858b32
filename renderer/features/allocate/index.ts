export { AllocateScreen } from './AllocateScreen';
