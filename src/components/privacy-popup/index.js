// Native custom component (not Taro): the platform hands the pending privacy
// request to wx.onNeedPrivacyAuthorization, and only a native button with
// open-type="agreePrivacyAuthorization" may answer it with "agree".
const AGREE_BUTTON_ID = 'privacy-agree'

Component({
  data: { visible: false },
  lifetimes: {
    attached() {
      // Base libraries before 2.32.3 have no privacy check, so nothing is ever pending.
      if (typeof wx.onNeedPrivacyAuthorization !== 'function') return
      wx.onNeedPrivacyAuthorization((resolve) => {
        this.pendingResolve = resolve
        this.setData({ visible: true })
      })
    },
  },
  methods: {
    // Keeps the page underneath from scrolling while the popup is open.
    noop() {},
    openContract() {
      wx.openPrivacyContract({})
    },
    handleAgree() {
      this.settle({ buttonId: AGREE_BUTTON_ID, event: 'agree' })
    },
    handleDisagree() {
      this.settle({ event: 'disagree' })
    },
    settle(answer) {
      const resolve = this.pendingResolve
      this.pendingResolve = null
      this.setData({ visible: false })
      if (resolve) resolve(answer)
    },
  },
})
