const isWeapp = process.env.TARO_ENV === 'weapp'

// Tab pages live in the main package; every domain gets its own subpackage (2 MB each).
const subPackages = [
  {
    root: 'subpackages/roster',
    pages: [
      'pages/profile/index',
      'pages/tree/index',
      'pages/branch/index',
      'pages/member/index',
      'pages/invite/index',
      'pages/join/index',
      'pages/audit/index',
      'pages/import/index',
      'pages/org/index',
      'pages/org-form/index',
      'pages/posts/index',
      'pages/staff/index',
    ],
  },
  {
    root: 'subpackages/study',
    pages: ['pages/task/index', 'pages/publish/index', 'pages/participation/index', 'pages/article/index'],
  },
  {
    root: 'subpackages/points',
    pages: [
      'pages/leaderboard/index',
      'pages/award/index',
      'pages/claim/index',
      'pages/review/index',
      'pages/rules/index',
      'pages/import/index',
      'pages/conversions/index',
      'pages/levels/index',
      'pages/exempt/index',
    ],
  },
  {
    root: 'subpackages/meetings',
    pages: [
      'pages/meeting/index',
      'pages/checkin/index',
      'pages/schedule/index',
      'pages/backfill/index',
      'pages/roll/index',
      'pages/leaves/index',
      'pages/minutes/index',
      'pages/record-book/index',
      'pages/robot/index',
      'pages/rules/index',
      'pages/branch/index',
    ],
  },
  {
    root: 'subpackages/bureau',
    pages: [
      'pages/overview/index',
      'pages/matrix/index',
      'pages/cell/index',
      'pages/leaderboard/index',
      'pages/study/index',
      'pages/checks/index',
    ],
  },
  {
    root: 'subpackages/assessment',
    pages: [
      'pages/round/index',
      'pages/scheme/index',
      'pages/branch/index',
      'pages/volunteer/index',
      'pages/publish/index',
      'pages/activity/index',
      'pages/posts/index',
      'pages/pairs/index',
    ],
  },
  {
    root: 'subpackages/lifecycle',
    pages: [
      'pages/development/index',
      'pages/file/index',
      'pages/person/index',
      'pages/step/index',
      'pages/mine/index',
      'pages/accept/index',
      'pages/pipeline/index',
      'pages/dues-mine/index',
      'pages/dues-branch/index',
      'pages/dues-member/index',
      'pages/dues-bureau/index',
      'pages/dues-schedule/index',
      'pages/dues-import/index',
    ],
  },
  {
    root: 'subpackages/transfers',
    pages: [
      'pages/index/index',
      'pages/letter/index',
      'pages/incoming/index',
      'pages/floating/index',
      'pages/floating-form/index',
    ],
  },
  {
    root: 'subpackages/yearly-cycle',
    pages: [
      'pages/index/index',
      'pages/talks/index',
      'pages/record-talk/index',
      'pages/org-life/index',
      'pages/appraisal/index',
      'pages/vote/index',
      'pages/results/index',
      'pages/year/index',
      'pages/report/index',
      'pages/report-detail/index',
      'pages/report-round/index',
      'pages/settings/index',
      'pages/org-life-mine/index',
      'pages/rectify/index',
    ],
  },
  // The persona picker drives the emulator's dev gateway, 消息记录 shows its outbox; neither ships in the mini-program.
  ...(process.env.TARO_ENV === 'h5'
    ? [{ root: 'subpackages/dev', pages: ['pages/persona/index', 'pages/messages/index'] }]
    : []),
]

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/meetings/index', 'pages/study/index', 'pages/points/index', 'pages/mine/index'],
  subPackages,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '教育党建',
    navigationBarTextStyle: 'white',
    // weapp draws its own title bar with a back button; this turns on Taro's in the H5 build.
    navigationStyle: 'default',
    backgroundColor: '#F5F5F5',
  },
  tabBar: {
    // Labels of the tabs not chosen, dark enough to read (4.5:1 on white).
    color: '#595959',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/meetings/index',
        text: '会议',
        iconPath: 'assets/tab/meetings.png',
        selectedIconPath: 'assets/tab/meetings-active.png',
      },
      {
        pagePath: 'pages/study/index',
        text: '学习',
        iconPath: 'assets/tab/study.png',
        selectedIconPath: 'assets/tab/study-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tab/points.png',
        selectedIconPath: 'assets/tab/points-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  // Base library ≥ 2.32.3 asks the app before any privacy API runs; the popup answers it.
  ...(isWeapp ? { __usePrivacyCheck__: true } : {}),
  // Location check-in (会议定位签到): the member's position, and the place the secretary picks on the map.
  // scripts/check-weapp.ts holds these against the APIs the code calls.
  ...(isWeapp
    ? {
        requiredPrivateInfos: ['getLocation', 'chooseLocation'],
        permission: { 'scope.userLocation': { desc: '用于会议定位签到，确认您在会议地点附近' } },
      }
    : {}),
  lazyCodeLoading: 'requiredComponents',
})
