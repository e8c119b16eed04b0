import { sdk } from './cloud'

/**
 * A 小程序码 that opens `page` with `scene` (≤ 32 visible characters): what a
 * secretary shows on a phone or prints, for people to scan with WeChat.
 * The caller's function needs `wxacode.getUnlimited` in its openapi permissions.
 */
export async function miniProgramCode(page: string, scene: string): Promise<Buffer> {
  const res = (await sdk().openapi.wxacode.getUnlimited({ page, scene, checkPath: false, width: 430 })) as {
    buffer: Buffer
  }
  return res.buffer
}
