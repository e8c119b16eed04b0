import type { DuesSchedule } from '../../../types/lifecycle'

/**
 * The 2008 《关于中国共产党党费收缴、使用和管理的规定》 as data, a tenant's
 * schedule until bureau staff change it (all in 分; rates in basis points):
 * in work, a share of the after-tax regular monthly wage — up to 3,000 元
 * 0.5%, up to 5,000 元 1%, up to 10,000 元 1.5%, above 2%; retired, of the
 * pension — up to 5,000 元 0.5%, above 1%; students, the unemployed and those
 * living on subsistence pay 0.2 元. Each bound belongs to its bracket
 * ("3,000元以下（含3,000元）").
 */
export const DEFAULT_DUES_SCHEDULE: DuesSchedule = {
  employed: [
    { upToFen: 300_000, rateBp: 50 },
    { upToFen: 500_000, rateBp: 100 },
    { upToFen: 1_000_000, rateBp: 150 },
    { upToFen: null, rateBp: 200 },
  ],
  retired: [
    { upToFen: 500_000, rateBp: 50 },
    { upToFen: null, rateBp: 100 },
  ],
  fixedFen: 20,
  recordsFrom: null,
}
