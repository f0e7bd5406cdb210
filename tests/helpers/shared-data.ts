// The reference data beside the checkout (../shared/data): CI has it there, the product never reads it.
import { resolve } from 'node:path';
import { REPO } from './hall-process.ts';

export const SHARED_DATA = resolve(REPO, '../shared/data');
