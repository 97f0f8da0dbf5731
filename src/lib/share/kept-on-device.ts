/**
 * Something private a person chose to keep ("Keep on this device"): in this browser's local storage under `key`,
 * until they forget it. Never sent anywhere; unreadable or foreign values read as nothing kept.
 */
export function keptOnDevice<T>(key: string, accept: (value: unknown) => T | null) {
	return {
		read(): T | null {
			try {
				return accept(JSON.parse(localStorage.getItem(key) ?? 'null'));
			} catch {
				return null;
			}
		},
		keep(value: T): void {
			localStorage.setItem(key, JSON.stringify(value));
		},
		forget(): void {
			localStorage.removeItem(key);
		}
	};
}
