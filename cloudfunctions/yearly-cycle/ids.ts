/**
 * The yearly cycle's natural keys (docs/domains/yearly-cycle.md): one
 * 组织生活会, one 民主评议 and one 述职报告 per branch and year, one 述职 round
 * per tenant and year, one 自评, 对照检查 and decided 等次 per person. A
 * second write of the same thing finds the first by its id.
 */
export const orgLifeId = (branchId: string, year: number) => `${branchId}:${year}`
export const orgLifeThemeId = (tenantId: string, year: number) => `${tenantId}:${year}`
export const appraisalRoundId = (branchId: string, year: number) => `ar_${year}_${branchId}`
export const reportRoundId = (tenantId: string, year: number) => `rr_${year}_${tenantId}`
export const secretaryReportId = (roundId: string, branchId: string) => `${roundId}:${branchId}`
/** One person's part in something: a 自评 or decided 等次 in a round, a 对照检查, a bureau rating of a report. */
export const personalId = (ofId: string, memberId: string) => `${ofId}:${memberId}`
/** The ballot box of members rating a 述职报告 (a 民主评议's box is its round id). */
export const reportBoxId = (reportId: string) => `report:${reportId}`
