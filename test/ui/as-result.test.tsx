import { asResult } from '../../src/services/as-result'

const BAD = { ok: false, error: { code: 'SYSTEM.BAD_RESPONSE', message: '服务返回的数据有误，请稍后再试' } }

test.each([
  ['a success passes its data through', { ok: true, data: { name: '王建国' } }, { ok: true, data: { name: '王建国' } }],
  [
    'a coded error keeps its message and details',
    { ok: false, error: { code: 'INPUT.INVALID', message: '姓名不能为空', details: [{ path: ['name'] }] } },
    { ok: false, error: { code: 'INPUT.INVALID', message: '姓名不能为空', details: [{ path: ['name'] }] } },
  ],
  [
    'an error without a message gets the default Chinese one',
    { ok: false, error: { code: 'AUTH.NOT_BOUND' } },
    { ok: false, error: { code: 'AUTH.NOT_BOUND', message: '您的微信尚未绑定党员身份，请联系支部书记获取绑定邀请' } },
  ],
  ['a non-JSON body (null) is a bad response', null, BAD],
  ['a body without ok is a bad response', { data: 1 }, BAD],
  ['a success without data is a bad response', { ok: true }, BAD],
  ['an error without a code is a bad response', { ok: false, error: { message: 'x' } }, BAD],
])('%s', (_case, body, expected) => {
  expect(asResult(body)).toEqual(expected)
})
