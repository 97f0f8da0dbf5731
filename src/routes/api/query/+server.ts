import { runQuery } from '$lib/server/api';
import { atlas } from '$lib/server/atlas';
import type { RequestHandler } from './$types';

export const prerender = false;
export const POST: RequestHandler = async (event) => runQuery(await atlas(), event);
