export const STUDY_PAGES = '/subpackages/study/pages'

export const publishPageUrl = () => `${STUDY_PAGES}/publish/index`

export const participationPageUrl = (taskId: string, branchId?: string) =>
  `${STUDY_PAGES}/participation/index?taskId=${encodeURIComponent(taskId)}${
    branchId ? `&branchId=${encodeURIComponent(branchId)}` : ''
  }`
