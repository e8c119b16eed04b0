/**
 * Pages of other subpackages the bureau opens. Spelled out here rather than
 * imported, so no module is shared across subpackages (it would move to the main package).
 */
export const studyParticipationUrl = (taskId: string, branchId: string) =>
  `/subpackages/study/pages/participation/index?taskId=${encodeURIComponent(taskId)}&branchId=${encodeURIComponent(branchId)}`
