// A failure the /tcb endpoint answers as `{code, message, requestId}` with HTTP 200 — the shape the
// node-sdk turns into a TcbError (wx-server-sdk then maps known codes to errCode, see cloudbase-protocol.md).
export class TcbFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const notExist = (name: string): TcbFailure =>
  new TcbFailure('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)

export const invalidParam = (message: string): TcbFailure => new TcbFailure('INVALID_PARAM', message)
