import type { TFunction } from 'i18next';
import { ROLES, type Role } from '../../../../shared/domain/vocabulary';

/** The roles in their fixed order, named in the UI language: "skribent, redaktør". */
export function roleList(t: TFunction, roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map((role) => t(`profile.roles.${role}`))
    .join(', ');
}
