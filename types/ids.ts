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
