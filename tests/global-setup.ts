import { clearCspReports } from './csp-reports';

export default function globalSetup() {
	clearCspReports();
}
