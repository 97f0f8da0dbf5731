import { getHistory, publish } from '$lib/server/api';
import { atlas } from '$lib/server/atlas';
import type { RequestHandler } from './$types';

export const prerender = false;
export const GET: RequestHandler = async (event) => getHistory(await atlas(), event);
export const POST: RequestHandler = async (event) => publish(await atlas(), event);
