import { setPlacement } from '$lib/server/api';
import { atlas } from '$lib/server/atlas';
import type { RequestHandler } from './$types';

export const prerender = false;
export const PUT: RequestHandler = async (event) => setPlacement(await atlas(), event);
