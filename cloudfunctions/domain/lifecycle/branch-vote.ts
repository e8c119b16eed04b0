/** The 支部大会 verdict rule lives with the contract (the step form shows it live); the rules use it from here. */
export { type VoteVerdict, voteVerdict } from '../../../types/lifecycle'
