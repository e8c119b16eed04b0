import { COMMITTEE_POSITION_LABELS, ROLE_LABELS } from '../../src/labels'
import { ROLE_LABELS as CONTRACT_ROLE_LABELS } from '../../types/roles'
import { COMMITTEE_POSITION_LABELS as CONTRACT_POSITION_LABELS } from '../../types/roster'

// src/labels.ts copies these to keep zod out of the mini-program; they must not drift.
test('client labels match the shared contracts', () => {
  expect(ROLE_LABELS).toEqual(CONTRACT_ROLE_LABELS)
  expect(COMMITTEE_POSITION_LABELS).toEqual(CONTRACT_POSITION_LABELS)
})
