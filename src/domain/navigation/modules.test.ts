import { describe, expect, it } from 'vitest';
import { ROLES } from '../authorization/roles.ts';
import { ANONYMOUS_VIEWER, MODULE_IDS, MODULES, modulesVisibleTo } from './modules.ts';

describe('modules', () => {
  it('lists every module once, in product order', () => {
    expect(MODULES.map((module) => module.id)).toEqual([...MODULE_IDS]);
  });

  it('gives every module at least one role, and every role at least one module', () => {
    for (const module of MODULES) {
      expect(module.roles.length, module.id).toBeGreaterThan(0);
    }
    for (const role of ROLES) {
      const visible = modulesVisibleTo({ kind: 'signed_in', roles: [role] });
      expect(visible.length, role).toBeGreaterThan(0);
    }
  });

  it('shows an anonymous visitor no module: membership data needs an account', () => {
    expect(modulesVisibleTo(ANONYMOUS_VIEWER)).toEqual([]);
  });

  it('shows a signed-in viewer the modules of all their roles, without duplicates', () => {
    const visible = modulesVisibleTo({
      kind: 'signed_in',
      roles: ['protest_reviewer', 'metrics_viewer'],
    }).map((module) => module.id);
    expect(visible).toEqual(['protests', 'benefits_dashboard', 'notifications']);
    expect(modulesVisibleTo({ kind: 'signed_in', roles: [] })).toEqual([]);
  });

  it('lists planned modules too: status does not hide a module from its roles', () => {
    const officer = modulesVisibleTo({ kind: 'signed_in', roles: ['company_officer'] });
    expect(officer.some((module) => module.status === 'planned')).toBe(true);
  });
});
