import { api } from '../../types/api'
import { createRouter } from '../runtime/router'
import { checkIn, editCheckin } from './check-in'
import { openMaterial } from './material'
import { myStudy } from './my-study'
import { getTask, myTasks } from './my-tasks'
import { nudge, participation } from './participation'
import { publishTask } from './publish-task'

/** 学习打卡: the study function. */
export const main = createRouter(api.study, {
  publishTask,
  myTasks,
  getTask,
  openMaterial,
  checkIn,
  editCheckin,
  participation,
  nudge,
  myStudy,
})
