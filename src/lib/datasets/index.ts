import { itSpending } from './it-spending';
import type { DatasetSpec } from './types';

/** Every dataset the product ships, in catalogue order. */
export const datasets: DatasetSpec[] = [itSpending];
