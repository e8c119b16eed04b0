import { api } from '../../types/api'
import { ERROR_CODES, ERROR_MESSAGES } from '../../types/errors'
import { Id } from '../../types/ids'
import { meetingHeading } from '../../types/labels'
import { ROLES } from '../../types/roles'
import { Me } from '../../types/roster'
import * as z from '../../types/zod'

describe('contracts', () => {
  it('gives every action a summary, known roles and known error codes', () => {
    for (const [fn, actions] of Object.entries(api)) {
      for (const [name, contract] of Object.entries(actions)) {
        expect(`${fn}.${name}: ${contract.summary}`.length).toBeGreaterThan(fn.length + name.length + 12)
        if (contract.roles === 'server') expect(contract.serverOnly?.length).toBeGreaterThan(8)
        else if (contract.roles !== 'anyone') {
          expect(contract.roles.length).toBeGreaterThan(0)
          for (const role of contract.roles) expect(ROLES).toContain(role)
        }
        for (const code of contract.errors) expect(ERROR_CODES).toContain(code)
      }
    }
  })

  it.each([
    ['pdf', 'exports/t1/m1/ab12cd34/记录本.pdf', true],
    ['pdf', 'imports/t1/m1/roster.pdf', false],
    ['pdf', 'exports/t1/../../imports/t1/m1/x.pdf', false],
    ['sheets', 'exports/t1/m1/ab12cd34/名册.xlsx', true],
    ['sheets', 'templates/党员花名册导入模板.xlsx', true],
    ['sheets', 'imports/t1/m1/roster.xlsx', false],
    ['sheets', 'exports/t1/m1/名册.csv', false],
  ] as const)('lets the %s function write %s: %s', (fn, cloudPath, allowed) => {
    const input =
      fn === 'pdf'
        ? { document: { title: 't', blocks: [] }, cloudPath }
        : { tables: [{ name: 's', headers: ['a'], rows: [] }], cloudPath }
    const contract = fn === 'pdf' ? api.pdf.render : api.sheets.write
    expect(contract.input.safeParse(input).success).toBe(allowed)
  })

  it('answers no secret in any output: no field of any action names a secret, a member key or an OPENID', () => {
    const names = new Set<string>()
    const walk = (schema: unknown): void => {
      if (typeof schema !== 'object' || schema === null) return
      const properties = (schema as { properties?: Record<string, unknown> }).properties
      for (const name of Object.keys(properties ?? {})) names.add(name)
      for (const value of Object.values(schema)) walk(value)
    }
    for (const actions of Object.values(api)) {
      for (const contract of Object.values(actions)) walk(z.toJSONSchema(contract.output, { unrepresentable: 'any' }))
    }
    expect(names.size).toBeGreaterThan(100)
    expect([...names].filter((name) => /^secret$|hmac|memberkey|importkey|openid|usedby/i.test(name))).toEqual([])
  })

  it('has a Chinese message for every error code', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/)
  })

  it.each(['m_shiyan_01', 'org-1', 'A1'])('accepts the id %s', (id) => {
    expect(Id.safeParse(id).success).toBe(true)
  })

  it.each(['', 'a b', '$where', 'x'.repeat(65), '../etc'])('rejects the id %j', (id) => {
    expect(Id.safeParse(id).success).toBe(false)
  })

  it('rejects a profile whose roles are not known roles', () => {
    const profile = {
      memberId: 'm1',
      name: '王建国',
      tenant: { id: 't1', name: '示例县教育局党委' },
      branch: null,
      group: null,
      memberType: 'formal',
      committeePosition: null,
      roles: ['member'],
    }
    expect(Me.safeParse(profile).success).toBe(true)
    expect(Me.safeParse({ ...profile, roles: ['admin'] }).success).toBe(false)
  })
})

describe('meetingHeading', () => {
  it.each([
    ['a title without its type', '学习新修订的纪律处分条例', '【党小组会】学习新修订的纪律处分条例'],
    [
      'a title that begins with its type and a colon',
      '党小组会：学习新修订的纪律处分条例',
      '【党小组会】学习新修订的纪律处分条例',
    ],
    ['a title that begins with its type and a space', '党小组会 三月学习', '【党小组会】三月学习'],
    ['a title that is only the type', '党小组会', '【党小组会】党小组会'],
    ['a name that merely starts with the type', '党小组会1', '【党小组会】党小组会1'],
  ])('names the type once: %s', (_, title, heading) => {
    expect(meetingHeading({ type: 'group_meeting', title })).toBe(heading)
  })
})
