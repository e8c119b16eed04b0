import type { DevelopmentFileDoc, DevelopmentStep } from '../../../types/lifecycle'
import { STAGE_NAMES, TEACHING_ROLE_NAMES } from '../../../types/lifecycle-names'
import { stateOf } from './development-state'

/**
 * 发展党员登记册: one row per file, the dates of the 细则's milestones and who
 * stood for the person. Never an identity number (the app never asks for
 * one) and never the phone: the register is a record of the pipeline, not a
 * contact list.
 */
export const REGISTER_HEADERS = [
  '序号',
  '党支部',
  '姓名',
  '岗位',
  '骨干教师',
  '当前阶段',
  '递交入党申请书',
  '确定为入党积极分子',
  '培养联系人',
  '确定为发展对象',
  '入党介绍人',
  '支部大会接收为预备党员',
  '上级党委审批',
  '入党宣誓',
  '预备期满',
  '转为正式党员',
  '备注',
] as const

type RegisterFile = Pick<
  DevelopmentFileDoc,
  '_id' | 'branchId' | 'name' | 'teachingRole' | 'keyTeacher' | 'steps' | 'reviews' | 'closed'
>

/** The people a step named (培养联系人, 入党介绍人), by the ids it recorded. */
function peopleOf(file: RegisterFile, step: 'contacts_assigned' | 'introducers_assigned'): string[] {
  const record = [...file.steps].reverse().find((done) => done.step === step)
  return record && 'memberIds' in record.details ? record.details.memberIds : []
}

/** Every member id the register names, to look their names up once. */
export function registerMemberIds(files: readonly RegisterFile[]): string[] {
  return [
    ...new Set(
      files.flatMap((file) => [...peopleOf(file, 'contacts_assigned'), ...peopleOf(file, 'introducers_assigned')]),
    ),
  ]
}

/** The rows, in the order given (the caller sorts by branch and then by application). */
export function registerRows(
  files: readonly RegisterFile[],
  branchNameOf: (branchId: string) => string,
  memberNameOf: (memberId: string) => string,
): (string | number)[][] {
  return files.map((file, index) => {
    const state = stateOf(file)
    const on = (step: DevelopmentStep) => state.done.get(step)?.on ?? ''
    const names = (step: 'contacts_assigned' | 'introducers_assigned') =>
      peopleOf(file, step).map(memberNameOf).filter(Boolean).join('、')
    const notes: string[] = []
    if (state.extension) notes.push(`延长预备期${state.extension.months}个月`)
    if (file.closed) notes.push(`${file.closed.on} 终止：${file.closed.reason}`)
    return [
      index + 1,
      branchNameOf(file.branchId),
      file.name,
      TEACHING_ROLE_NAMES[file.teachingRole],
      file.keyTeacher ? '是' : '',
      STAGE_NAMES[state.stage],
      on('application'),
      on('activist_decision'),
      names('contacts_assigned'),
      on('candidate_decision'),
      names('introducers_assigned'),
      on('admission_vote'),
      on('admission_approval'),
      on('oath'),
      state.probationEndsOn ?? '',
      state.stage === 'formal' ? on('conversion_approval') : '',
      notes.join('；'),
    ]
  })
}
