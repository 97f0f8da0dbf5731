import { getSession, signIn, signOut } from '$lib/server/api';
import { atlas } from '$lib/server/atlas';
import type { RequestHandler } from './$types';

export const prerender = false;
export const GET: RequestHandler = async (event) => getSession(await atlas(), event);
export const POST: RequestHandler = async (event) => signIn(await atlas(), event);
export const DELETE: RequestHandler = async (event) => signOut(await atlas(), event);
