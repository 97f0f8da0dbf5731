import type { ClientInit } from '@sveltejs/kit';
import { startEngineEarly } from '$lib/db/start-early';

export const init: ClientInit = () => startEngineEarly();
