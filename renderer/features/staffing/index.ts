export { StaffingScreen } from './StaffingScreen';
