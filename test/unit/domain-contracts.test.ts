// The three new domains' action maps follow the same contract rules as the registered API (contracts.test.ts),
// so registering them in types/api.ts later changes nothing the catalogue or router checks.
import type { ActionContract } from '../../types/action'
import { assessmentActions, engagementActions } from '../../types/assessment'
import { ERROR_CODES, ERROR_MESSAGES } from '../../types/errors'
import { lifecycleActions } from '../../types/lifecycle'
import { ROLES } from '../../types/roles'
import { yearlyCycleActions } from '../../types/yearly-cycle'

const MAPS: Record<string, Record<string, ActionContract>> = {
  lifecycle: lifecycleActions,
  'yearly-cycle': yearlyCycleActions,
  assessment: assessmentActions,
  'assessment (later)': engagementActions,
}

describe.each(Object.entries(MAPS))('%s contracts', (_fn, actions) => {
  it.each(Object.entries(actions))('%s has a summary, known roles and known, Chinese error codes', (name, contract) => {
    expect(contract.summary.length).toBeGreaterThan(name.length + 12)
    if (contract.roles !== 'anyone') {
      expect(contract.roles.length).toBeGreaterThan(0)
      for (const role of contract.roles) expect(ROLES).toContain(role)
    }
    for (const code of contract.errors) {
      expect(ERROR_CODES).toContain(code)
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(new Set(contract.errors).size).toBe(contract.errors.length)
  })
})

it('names no action twice across the three functions', () => {
  const names = Object.values(MAPS).flatMap((actions) => Object.keys(actions))
  expect(new Set(names).size).toBe(names.length)
})
