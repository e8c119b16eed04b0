// Personal data (PIPL) through the real SDK and the emulator: member ids carry nothing of the person, members
// an earlier version gave phone-derived ids are moved to random ones, raw uploads and exports are deleted on
// time, phones never reach the audit log, and bureau staff erase a departed member's personal data.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { EXPORT_KEEP_MS } from '../../types/retention'
import { ERASED_NAME } from '../../types/roster'
import { memberDoc } from '../fixtures/member-doc'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()
const HOUR = 3_600_000

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())
afterEach(() => t.emu.clock.set(NOW))

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)
/** The path of a cloud fileID in the emulator's storage folder. */
const stored = (fileID: string) => join(t.emu.storageDir, fileID.replace(/^cloud:\/\/[^/]+\//, ''))
const all = async (collection: string) =>
  ((await t.db.collection(collection).limit(1000).get()) as unknown as { data: Record<string, unknown>[] }).data

let fileSeq = 0
async function uploadRoster(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow(['姓名', '人员类别', '入党日期', '党小组', '手机号码', '身份证号'])
  for (const row of rows) sheet.addRow(row)
  const res = (await t.cloud.uploadFile({
    cloudPath: `imports/t_demo/m_shiyan_01/privacy-${fileSeq++}.xlsx`,
    fileContent: Buffer.from(await workbook.xlsx.writeBuffer()),
  })) as { fileID: string }
  return res.fileID
}

async function importRoster(rows: unknown[][]) {
  const fileID = await uploadRoster(rows)
  const preview = await t.callOk(as.secretary, 'roster', 'previewImport', { fileID, branchId: 'org_b_shiyan' })
  return {
    fileID,
    preview,
    done: await t.callOk(as.secretary, 'roster', 'confirmImport', { importId: preview.importId }),
  }
}

describe('member ids', () => {
  it('an imported member’s id is random: nothing of the phone, the name or the tenant can be read from it', async () => {
    const phone = '13977770001'
    const { done } = await importRoster([['欧阳明', '正式党员', '2015-07-01', '低年级党小组', phone, '']])
    expect(done).toMatchObject({ status: 'done', created: 1 })
    const [member] = (await t.db.collection('members').where({ phone }).get()).data as { _id: string }[]
    const derived = `m_${createHash('sha256').update(`t_demo\nphone:${phone}`).digest('hex').slice(0, 16)}`
    expect(member._id).not.toBe(derived)
    expect(member._id).not.toMatch(/^m_[0-9a-f]{16}$/)
    // The once-only key of the row is an HMAC under a secret no action answers.
    const keys = await all('member_keys')
    expect(keys.find((key) => key.memberId === member._id)?._id).toMatch(/^k_[0-9a-f]{40}$/)
    expect(JSON.stringify(keys)).not.toContain(phone)
  })

  it('隐私整改 moves a phone-derived id to a random one everywhere, and masks phones in older audit entries', async () => {
    const phone = '13966660002'
    const old = `m_${createHash('sha256').update(`t_demo\nphone:${phone}`).digest('hex').slice(0, 16)}`
    const openid = 'o_legacy_member'
    const write = (collection: string, data: Record<string, unknown>) => t.db.collection(collection).add({ data })
    await write('members', {
      ...memberDoc({ _id: old, tenantId: 't_demo', name: '旧编号', branchId: 'org_b_shiyan' }, { phone, boundAt: NOW }),
    })
    await write('bindings', { _id: openid, tenantId: 't_demo', memberId: old, boundAt: NOW })
    const event = `meeting.present:mt_legacy:${old}`
    await write('domain_events', {
      _id: event,
      tenantId: 't_demo',
      kind: 'meeting.present',
      memberId: old,
      sourceId: 'mt_legacy',
      at: NOW - HOUR,
      recordedBy: old,
    })
    await write('meeting_attendance', {
      _id: `mt_legacy:${old}`,
      tenantId: 't_demo',
      meetingId: 'mt_legacy',
      branchId: 'org_b_shiyan',
      memberId: old,
      status: 'present',
      via: 'scan',
      at: NOW - HOUR,
      recordedBy: old,
    })
    await write('audit_log', {
      _id: 'a_legacy_entry',
      tenantId: 't_demo',
      at: NOW - 2 * HOUR,
      actorId: 'm_shiyan_01',
      actorName: '书记',
      action: 'roster.updateMember',
      targetId: old,
      summary: '修改党员信息 旧编号',
      before: { _id: old, phone },
      after: { _id: old, phone: '13966660003' },
    })
    await t.emu.fireTrigger('points', 'settle')
    expect(await t.count('points_ledger', { memberId: old })).toBe(1)

    expect(code(await t.call(as.secretary, 'roster', 'repairPrivacy', {}))).toBe('AUTH.FORBIDDEN')
    let cursor: string | undefined
    for (let call = 0; call < 20; call++) {
      const res = await t.callOk(as.bureau, 'roster', 'repairPrivacy', cursor ? { cursor } : {})
      if (res.done) break
      cursor = res.cursor ?? undefined
    }
    const me = await t.callOk(openid, 'roster', 'me', {})
    expect(me.name).toBe('旧编号')
    expect(me.memberId).not.toBe(old)
    expect(me.memberId).not.toMatch(/^m_[0-9a-f]{16}$/)
    // Nothing anywhere still names the old id: documents keyed by it moved with it.
    for (const collection of [
      'members',
      'bindings',
      'domain_events',
      'meeting_attendance',
      'points_ledger',
      'points_totals',
      'audit_log',
    ]) {
      expect(JSON.stringify(await all(collection))).not.toContain(old)
    }
    expect(
      await t.count('points_ledger', {
        memberId: me.memberId,
        sourceEvent: `meeting.present:mt_legacy:${me.memberId}`,
      }),
    ).toBe(1)
    expect(await t.count('meeting_attendance', { _id: `mt_legacy:${me.memberId}`, status: 'present' })).toBe(1)
    const entry = (await t.db.collection('audit_log').doc('a_legacy_entry').get()).data as {
      before: { phone: string }
      after: { phone: string }
    }
    expect([entry.before.phone, entry.after.phone]).toEqual(['139****0002', '139****0003'])
    expect((await t.callOk(as.bureau, 'points', 'reconcile', {})).drift).toEqual([])
    expect(await t.callOk(as.bureau, 'roster', 'repairPrivacy', {})).toMatchObject({
      renamed: 0,
      remaining: 0,
      done: true,
    })
  })
})

describe('retention', () => {
  it('an import’s raw upload is deleted when the import ends', async () => {
    const { fileID, done } = await importRoster([
      ['上官云', '正式党员', '2016-07-01', '低年级党小组', '13977770004', '110101199001011299'],
    ])
    expect(done.status).toBe('done')
    expect(existsSync(stored(fileID))).toBe(false)
    expect(await t.count('expiring_files', { fileID })).toBe(0)
  })

  it('an upload previewed but never confirmed goes after 7 days, by the hourly retention timer', async () => {
    const fileID = await uploadRoster([['司马青', '正式党员', '2016-07-01', '低年级党小组', '13977770005', '']])
    await t.callOk(as.secretary, 'roster', 'previewImport', { fileID, branchId: 'org_b_shiyan' })
    t.emu.clock.set(NOW + 6 * 24 * HOUR)
    await t.emu.fireTrigger('roster', 'retention')
    expect(existsSync(stored(fileID))).toBe(true)
    t.emu.clock.set(NOW + 7 * 24 * HOUR + 1)
    await t.emu.fireTrigger('roster', 'retention')
    expect(existsSync(stored(fileID))).toBe(false)
    expect(await t.count('expiring_files', { fileID })).toBe(0)
  })

  it('an export is kept a day, audited, and then deleted', async () => {
    const res = await t.callOk(as.secretary, 'meetings', 'recordBookPdf', { branchId: 'org_b_shiyan' })
    const [record] = (await t.db.collection('expiring_files').where({ kind: 'export' }).get()).data as {
      fileID: string
      deleteAt: number
    }[]
    expect(record.deleteAt).toBe(NOW + EXPORT_KEEP_MS)
    expect(existsSync(stored(record.fileID))).toBe(true)
    const log = await t.callOk(as.bureau, 'roster', 'auditLog', { pageSize: 50 })
    expect(log.items.find((item) => item.action === 'meetings.recordBookPdf')).toMatchObject({
      after: { fileName: res.fileName },
    })
    t.emu.clock.set(NOW + EXPORT_KEEP_MS - 1)
    await t.emu.fireTrigger('roster', 'retention')
    expect(existsSync(stored(record.fileID))).toBe(true)
    t.emu.clock.set(NOW + EXPORT_KEEP_MS)
    await t.emu.fireTrigger('roster', 'retention')
    expect(existsSync(stored(record.fileID))).toBe(false)
  })

  it('a phone never reaches the audit log: snapshots keep it masked', async () => {
    const added = await t.callOk(as.secretary, 'roster', 'addMember', {
      branchId: 'org_b_shiyan',
      name: '诸葛亮',
      groupId: null,
      memberType: 'formal',
      probationEndsOn: null,
      joinedOn: '2012-07-01',
      committeePosition: null,
      phone: '13977770006',
    })
    const log = await t.callOk(as.bureau, 'roster', 'auditLog', { pageSize: 50 })
    const entry = log.items.find((item) => item.targetId === added.id)
    expect(entry?.after).toMatchObject({ phone: '139****0006' })
    expect(JSON.stringify(log.items)).not.toContain('13977770006')
  })
})

describe('删除个人信息', () => {
  it('bureau staff erase a departed member: the name becomes a placeholder, phone and binding go, statistics stay', async () => {
    const memberId = 'm_shiyan_08'
    await t.callOk(as.bureau, 'points', 'award', {
      memberId,
      ruleKey: 'manual_bonus',
      points: 2,
      reason: '优秀教案',
      requestId: 'erase-before',
    })
    const name = (await t.callOk(as.secretary, 'roster', 'getMember', { memberId })).name
    const ledger = await t.count('points_ledger', { memberId })
    expect(code(await t.call(as.bureau, 'roster', 'erasePersonalData', { memberId, reason: '本人申请' }))).toBe(
      'ROSTER.STILL_ACTIVE',
    )
    await t.callOk(as.secretary, 'roster', 'deactivateMember', { memberId, reason: '调出本县' })
    expect(code(await t.call(as.secretary, 'roster', 'erasePersonalData', { memberId, reason: '本人申请' }))).toBe(
      'AUTH.FORBIDDEN',
    )
    const erased = await t.callOk(as.bureau, 'roster', 'erasePersonalData', { memberId, reason: '调出本县满三年' })
    expect(erased).toMatchObject({ id: memberId, name: ERASED_NAME, phone: null, joinedOn: null, bound: false })
    expect(await t.count('bindings', { memberId })).toBe(0)
    // Statistics stay: the ledger entries (the award and the seeded year's) and the member's place in the totals.
    expect(ledger).toBeGreaterThanOrEqual(1)
    expect(await t.count('points_ledger', { memberId })).toBe(ledger)
    const entries = (await all('audit_log')).filter((entry) => entry.targetId === memberId)
    expect(JSON.stringify(entries)).not.toContain(name)
    expect(entries.filter((entry) => entry.action !== 'roster.erasePersonalData').length).toBeGreaterThan(0)
    for (const entry of entries.filter((e) => e.action !== 'roster.erasePersonalData')) {
      expect(entry).toMatchObject({ before: null, after: null })
    }
    expect(entries.find((entry) => entry.action === 'roster.erasePersonalData')).toMatchObject({
      summary: '删除已停用党员的个人信息：调出本县满三年',
    })
    // Again (after an interruption, say) is harmless.
    expect(code(await t.call(as.bureau, 'roster', 'erasePersonalData', { memberId, reason: '再次执行' }))).toBe('ok')
  })

  it('in the later domains too: what they wrote and what was noted about them goes, counts and dates stay', async () => {
    const memberId = 'm_shiyan_09'
    const tenantId = 't_demo'
    const photo = (
      (await t.cloud.uploadFile({
        cloudPath: `yearly/${tenantId}/${memberId}/self-exam.jpg`,
        fileContent: Buffer.from('photo'),
      })) as { fileID: string }
    ).fileID
    const add = (collection: string, data: Record<string, unknown>) => t.db.collection(collection).add({ data })
    const common = { tenantId, branchId: 'org_b_shiyan' }
    await add('talks', {
      _id: 'talk_erase',
      ...common,
      year: 2026,
      pair: ['m_shiyan_01', memberId].sort(),
      on: '2026-05-01',
      topic: '思想交流',
      summary: '谈到家中老人患病，需要照顾',
      recordedBy: 'm_shiyan_01',
      recordedAt: NOW,
    })
    await add('org_life_opinions', {
      _id: 'op_erase',
      ...common,
      orgLifeId: 'ol_erase',
      source: 'member',
      authorId: memberId,
      text: '建议支部多组织学习',
      day: '2026-05-01',
    })
    await add('self_examinations', {
      _id: 'se_erase',
      tenantId,
      orgLifeId: 'ol_erase',
      memberId,
      text: '本人对照检查材料',
      fileIds: [photo],
      submittedAt: NOW,
    })
    await add('self_reviews', {
      _id: 'sr_erase',
      tenantId,
      roundId: 'ar_x',
      memberId,
      text: '个人自评',
      submittedAt: NOW,
    })
    await add('designations', {
      _id: 'dg_erase',
      ...common,
      memberId,
      kind: 'pioneer',
      post: '党员先锋岗',
      commitment: '我承诺做好本职工作',
      from: '2026-01-01',
      to: '2026-12-31',
      endedOn: null,
      createdBy: 'm_shiyan_01',
      createdAt: NOW,
    })
    await add('dues_reductions', {
      _id: 'dr_erase',
      ...common,
      memberId,
      fromMonth: '2026-04',
      toMonth: '2026-04',
      monthlyFen: 0,
      decision: '支委会决定（大病住院）',
      decidedOn: '2026-04-01',
      recordedBy: 'm_shiyan_01',
      recordedAt: NOW,
    })
    await add('floating_members', {
      _id: 'fl_erase',
      ...common,
      memberId,
      whereabouts: '深圳市南山区',
      hostOrg: '某公司党支部',
      since: '2026-03-01',
      until: null,
      contact: '13812345678',
      recordedBy: 'm_shiyan_01',
      recordedAt: NOW,
    })
    const name = (await t.callOk(as.secretary, 'roster', 'getMember', { memberId })).name
    await add('transfers', {
      _id: 'tr_erase',
      ...common,
      direction: 'out',
      memberId,
      name,
      letterNo: '2026-001',
      counterpart: '外县党委',
      issuedOn: '2026-05-01',
      validDays: 30,
      status: 'done',
      incoming: null,
      doneOn: '2026-05-02',
      cancelReason: null,
      createdBy: 'm_shiyan_01',
      createdAt: NOW,
      updatedAt: NOW,
    })
    await add('development_files', {
      _id: 'df_erase',
      ...common,
      name,
      phone: '13812345678',
      memberId,
      stage: 'member',
    })
    await add('applicant_bindings', { _id: 'o_erase_applicant', tenantId, fileId: 'df_erase', boundAt: NOW })

    await t.callOk(as.secretary, 'roster', 'deactivateMember', { memberId, reason: '调出本县' })
    await t.callOk(as.bureau, 'roster', 'erasePersonalData', { memberId, reason: '本人申请' })

    const doc = async (collection: string, id: string) =>
      ((await t.db.collection(collection).doc(id).get()) as unknown as { data: Record<string, unknown> }).data
    const ERASED = '（内容已删除）'
    expect(await doc('talks', 'talk_erase')).toMatchObject({ summary: ERASED, on: '2026-05-01' })
    expect(await doc('org_life_opinions', 'op_erase')).toMatchObject({ text: ERASED })
    expect(await doc('self_examinations', 'se_erase')).toMatchObject({ text: ERASED, fileIds: [] })
    expect(await doc('self_reviews', 'sr_erase')).toMatchObject({ text: ERASED })
    expect(await doc('designations', 'dg_erase')).toMatchObject({ commitment: ERASED, post: '党员先锋岗' })
    expect(await doc('dues_reductions', 'dr_erase')).toMatchObject({ decision: ERASED, monthlyFen: 0 })
    expect(await doc('floating_members', 'fl_erase')).toMatchObject({
      whereabouts: ERASED,
      hostOrg: null,
      contact: null,
      since: '2026-03-01',
    })
    expect(await doc('transfers', 'tr_erase')).toMatchObject({ name: ERASED_NAME, letterNo: '2026-001' })
    expect(await doc('development_files', 'df_erase')).toMatchObject({ name: ERASED_NAME, phone: null })
    expect(await t.count('applicant_bindings', { fileId: 'df_erase' })).toBe(0)
    // The photo is handed to the retention timer, which deletes it on its next run.
    expect(existsSync(stored(photo))).toBe(true)
    await t.emu.fireTrigger('roster', 'retention')
    expect(existsSync(stored(photo))).toBe(false)
  })
})
