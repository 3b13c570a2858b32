export { DataScreen } from './DataScreen';
