import { api } from '../../types/api'
import { createRouter } from '../runtime/router'
import { cellDetail } from './cell-detail'
import { exportSheet } from './export-sheet'
import { leaderboard } from './leaderboard'
import { complianceMatrix } from './matrix'
import { monthlyReport } from './monthly-report'
import { overview } from './overview'
import { recordBookPdf } from './record-book-pdf'
import { remindSecretary } from './remind'
import { studyByBranch, studyTasks } from './study'

/** 党建督导: the bureau's oversight function (overview, 三会一课 matrix, rankings, study, exports). */
export const main = createRouter(api.bureau, {
  overview,
  complianceMatrix,
  cellDetail,
  remindSecretary,
  leaderboard,
  studyTasks,
  studyByBranch,
  exportSheet,
  recordBookPdf,
  monthlyReport,
})
