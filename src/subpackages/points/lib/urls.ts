export const POINTS_PAGES = '/subpackages/points/pages'

export const LEADERBOARD_URL = `${POINTS_PAGES}/leaderboard/index`
export const AWARD_URL = `${POINTS_PAGES}/award/index`
export const CLAIM_URL = `${POINTS_PAGES}/claim/index`
export const REVIEW_URL = `${POINTS_PAGES}/review/index`
export const RULES_URL = `${POINTS_PAGES}/rules/index`
export const IMPORT_URL = `${POINTS_PAGES}/import/index`
export const CONVERSIONS_URL = `${POINTS_PAGES}/conversions/index`
