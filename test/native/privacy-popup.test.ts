import { readFileSync } from 'node:fs'
import path from 'node:path'
import simulate from 'miniprogram-simulate'

type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' }
type Resolve = (answer: PrivacyAnswer) => void

/** The slice of the platform's `wx` the popup touches, stubbed as the base library behaves. */
interface WxPrivacyStub {
  onNeedPrivacyAuthorization: jest.Mock<void, [(resolve: Resolve) => void]>
  openPrivacyContract: jest.Mock<void, [object]>
}

// Loaded once: jest keeps required modules cached, so a second load would not re-run Component().
const popupPath = path.resolve(__dirname, '../../src/components/privacy-popup/index')
const popupId = simulate.load(popupPath)

function stubWx(): WxPrivacyStub {
  const stub: WxPrivacyStub = {
    onNeedPrivacyAuthorization: jest.fn(),
    openPrivacyContract: jest.fn(),
  }
  const host = globalThis as unknown as { wx: Record<string, unknown> }
  Object.assign(host.wx, stub)
  return stub
}

/** What the platform does when a privacy API runs before the user agreed: call the listener. */
function needPrivacy(wx: WxPrivacyStub): jest.Mock<void, [PrivacyAnswer]> {
  const [listener] = wx.onNeedPrivacyAuthorization.mock.calls[0]
  const resolve = jest.fn<void, [PrivacyAnswer]>()
  listener(resolve)
  return resolve
}

function renderPopup() {
  // The component registers its listener when it attaches, so the stubs go in first.
  const wx = stubWx()
  const comp = simulate.render(popupId)
  comp.attach(document.createElement('parent-wrapper'))
  return { comp, wx }
}

describe('privacy popup (native component)', () => {
  test('shows nothing while no privacy authorization is pending', () => {
    const { comp, wx } = renderPopup()
    expect(wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    expect(comp.querySelector('.privacy-mask')).toBeUndefined()
  })

  test('a pending authorization opens the popup explaining what is collected', async () => {
    const { comp, wx } = renderPopup()
    needPrivacy(wx)
    await simulate.sleep(0)
    const mask = comp.querySelector('.privacy-mask')
    expect(mask).toBeDefined()
    const text = comp.dom?.textContent ?? ''
    expect(text).toContain('姓名、所在支部')
    expect(text).toContain('《用户隐私保护指引》')

    comp.querySelector('.privacy-link')?.dispatchEvent('tap')
    await simulate.sleep(0)
    expect(wx.openPrivacyContract).toHaveBeenCalledTimes(1)
  })

  test('agreeing resolves with the agree button id and hides the popup', async () => {
    const { comp, wx } = renderPopup()
    const resolve = needPrivacy(wx)
    await simulate.sleep(0)

    const agree = comp.querySelector('#privacy-agree')
    agree?.dispatchEvent('agreeprivacyauthorization')
    await simulate.sleep(0)

    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(comp.querySelector('.privacy-mask')).toBeUndefined()
  })

  test('agree is the platform button that may answer the privacy request', () => {
    // The simulator drops open-type from the DOM, so check the template the platform reads.
    const wxml = readFileSync(`${popupPath}.wxml`, 'utf8')
    const agreeButton = wxml.match(/<button[^>]*id="privacy-agree"[^>]*>/)?.[0] ?? ''
    expect(agreeButton).toContain('open-type="agreePrivacyAuthorization"')
    expect(agreeButton).toContain('bindagreeprivacyauthorization="handleAgree"')
  })

  test('declining resolves with disagree and hides the popup', async () => {
    const { comp, wx } = renderPopup()
    const resolve = needPrivacy(wx)
    await simulate.sleep(0)

    comp.querySelector('#privacy-disagree')?.dispatchEvent('tap')
    await simulate.sleep(0)

    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
    expect(resolve).toHaveBeenCalledTimes(1)
    expect(comp.querySelector('.privacy-mask')).toBeUndefined()
  })
})
