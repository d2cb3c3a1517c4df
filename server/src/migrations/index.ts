import { Foundation1763769600000 } from './1763769600000-Foundation';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [Foundation1763769600000];
