/**
 * The lifecycle function's dues modules read ledgers through here; the ledger
 * itself lives in the shared layer (cloudfunctions/shared/dues-ledger.ts)
 * because the roster's move between branches and 停用 refresh the same rows.
 */
export {
  aroundNow,
  branchMembers,
  branchMonthRows,
  currentMonth,
  isRefreshing,
  ledgerMembers,
  ledgersOf,
  loadSchedule,
  type MemberLedger,
  put,
  refreshBranchMonths,
  refreshDerived,
  refreshIdOf,
  refreshStatus,
  requestDuesRefresh,
  rewriteBranch,
  statusOf,
  yearMonths,
} from '../shared/dues-ledger'
