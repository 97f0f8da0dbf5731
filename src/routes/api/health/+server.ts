import { health } from '$lib/server/api';
import { atlas } from '$lib/server/atlas';
import type { RequestHandler } from './$types';

export const prerender = false;
export const GET: RequestHandler = async () => health(await atlas());
