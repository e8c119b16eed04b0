export default definePageConfig({ navigationBarTitleText: '发布学习任务' })
