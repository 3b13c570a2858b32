export { ScenariosScreen } from './ScenariosScreen';
