import type { User } from '../account/user.entity';
import { canEditLao, canReadLao } from './lao.policy';

type Actor = Pick<User, 'role' | 'laoCode' | 'provinceCode'> | null;
type ProjectRef = { laoCode: string; provinceCode: string };

const laoOf = (p: ProjectRef) => ({ code: p.laoCode, provinceCode: p.provinceCode });

/** Reading a project follows its LAO; changing it is for the LAO's own officers. */
export const canReadProject = (user: Actor, p: ProjectRef) => canReadLao(user, laoOf(p));
export const canEditProject = (user: Actor, p: ProjectRef) => canEditLao(user, laoOf(p));
/** A project that has any progress report stays: its history is part of the LAO's results. */
export const canDeleteProject = (user: Actor, p: ProjectRef, reportCount: number) => canEditProject(user, p) && reportCount === 0;
