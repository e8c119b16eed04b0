import type { Caps, PointsRule, ScoreConversion } from '../../../../types/points'

/** One conversion as the form holds it: the factor as typed, so a half-typed value is not lost. */
export interface ConversionDraft {
  ruleKey: string
  source: string
  factor: string
}

/** A conversion as the page lists it. */
export interface ConversionRow extends ScoreConversion {
  ruleName: string
  caps: Caps
}

/** The form fields INPUT.INVALID issues may point at. */
export const CONVERSION_FIELDS = ['ruleKey', 'source', 'factor'] as const
export type ConversionField = (typeof CONVERSION_FIELDS)[number]

export const newConversion = (): ConversionDraft => ({ ruleKey: '', source: '学习强国', factor: '' })

export const draftOfConversion = (conversion: ScoreConversion): ConversionDraft => ({
  ruleKey: conversion.ruleKey,
  source: conversion.source,
  factor: String(conversion.factor),
})

/** Rules outside scores may be converted into: active ones that add points. */
export const convertibleRules = (rules: readonly PointsRule[]) => rules.filter((rule) => rule.active && rule.points > 0)

/**
 * What the form can tell before asking the server (nothing chosen, nothing
 * or no number typed); the server's schema checks the rest and its messages
 * stand beside the same fields.
 */
export function conversionProblems(draft: ConversionDraft): Partial<Record<ConversionField, string>> {
  const problems: Partial<Record<ConversionField, string>> = {}
  if (!draft.ruleKey) problems.ruleKey = '请选择计入的积分项目'
  if (draft.source.trim() === '') problems.source = '请填写积分来源'
  const factor = draft.factor.trim()
  if (factor === '') problems.factor = '请填写折算比例'
  else if (!Number.isFinite(Number(factor))) problems.factor = '折算比例应为数字，如 0.1'
  return problems
}

export const conversionInput = (draft: ConversionDraft): ScoreConversion => ({
  ruleKey: draft.ruleKey,
  source: draft.source.trim(),
  factor: Number(draft.factor.trim()),
})

/** 每日5分 · 每月10分 — the caps that still cut converted points, or 不限. */
export function capsText(caps: Caps): string {
  const parts = [
    caps.day === null ? null : `每日${caps.day}分`,
    caps.month === null ? null : `每月${caps.month}分`,
    caps.year === null ? null : `每年${caps.year}分`,
  ].filter((part): part is string => part !== null)
  return parts.length ? `上限：${parts.join(' · ')}` : '上限：不限'
}

/** The list after a save: the saved conversion replaces the one for its rule, or joins the list. */
export function withSaved(rows: readonly ConversionRow[], saved: ConversionRow): ConversionRow[] {
  const others = rows.filter((row) => row.ruleKey !== saved.ruleKey)
  return [...others, saved]
}
