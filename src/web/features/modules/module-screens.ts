import type { ModuleId } from '../../../domain/navigation/modules.ts';

/** The client routes that exist today (typed against the router in router.tsx). */
export type ScreenPath = '/organisations';

export interface Screen {
  to: ScreenPath;
  labelKey: 'nav.organisations';
}

/**
 * The working screens of each module, first one first: the navigation links a module to its
 * first screen and lists the rest under it. Modules absent here have no screen yet.
 */
export const MODULE_SCREENS: Partial<Record<ModuleId, readonly Screen[]>> = {
  member_registry: [{ to: '/organisations', labelKey: 'nav.organisations' }],
};
