import type { ErrorCode } from '../../types/errors'

/**
 * Thrown by handlers and domain rules for an expected refusal
 * (`ROSTER.NOT_FOUND`, `MEETING.CLOSED`…); the router turns it into a coded result.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? code)
    this.name = 'DomainError'
  }

  /** The message meant for the user, or undefined to use the code's default. */
  get userMessage(): string | undefined {
    return this.message === this.code ? undefined : this.message
  }
}
