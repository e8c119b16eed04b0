import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

const isH5 = process.env.TARO_ENV === 'h5'

// The shared contracts live outside src/; Taro only compiles src/ unless told otherwise.
const sharedTypes = path.resolve(__dirname, '..', 'types')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangjian-miniprogram',
    date: '2025-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp stays in dist/ for WeChat DevTools; the emulator serves dist-h5/ at '/'.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      // CloudBase environment id for Taro.cloud.init; empty means the mini-program's default env.
      CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The H5 build talks to the emulator's dev gateway; '' means same origin as the page.
      DEV_GATEWAY_BASE: JSON.stringify(process.env.TARO_APP_GATEWAY_BASE ?? ''),
      // 业务域名 the mini-program has registered (公众平台 → 开发管理 → 开发设置), comma-separated hosts:
      // study links on them open in a web-view page; mp.weixin.qq.com (linked 公众号 articles) always does.
      WEBVIEW_DOMAINS: JSON.stringify(process.env.TARO_APP_WEBVIEW_DOMAINS ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // The persistent cache keys on config and sources but not on env-derived constants
    // (CLOUD_ENV…), so a stale bundle could ship; builds are fast enough without it.
    cache: { enable: false },
    mini: {
      compile: { include: [sharedTypes] },
      // Modules used only by subpackages move out of the main package (2 MB limit).
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      compile: { include: [sharedTypes] },
      publicPath: '/',
      staticDirectory: 'static',
      // The emulator serves static files at '/', so hash routing needs no server rewrites.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // The H5 build is a local demo and test target; the size budget that matters is weapp's.
        chain.performance.hints(false)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
