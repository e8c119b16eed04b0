import * as z from './zod'

/** Document ids: short, URL-safe, never a free-form string from the client. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确')
export type Id = z.infer<typeof Id>

/** Epoch milliseconds; displayed in Asia/Shanghai. */
export const EpochMs = z.number().int().nonnegative()

/** A calendar date as the domain speaks it: 'YYYY-MM-DD' in Asia/Shanghai. */
export const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

/** A 'YYYY-MM-DD' day that exists on the calendar (no 2026-02-30). */
export const CalendarDate = DateOnly.refine((day) => {
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
}, '日期不存在')

/** A calendar month in Asia/Shanghai: '2026-04'. */
export const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-04')

/** The year a yearly activity belongs to (党费年度, 评议年度, 考核年度). */
export const Year = z.number().int().min(2000, '年份应在2000年至2100年之间').max(2100, '年份应在2000年至2100年之间')

/** A cloud storage file (cloud://…) the client uploaded. */
export const FileId = z.string().min(10, '文件编号不正确').max(300, '文件编号不正确')

/** Photos or documents attached as evidence (佐证材料): at most nine, as one WeChat pick allows. */
export const Evidence = z.array(FileId).max(9, '最多上传9个文件').default([])
