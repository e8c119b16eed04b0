import { isInFolder } from '../../cloudfunctions/runtime/files'

const env = 'cloud://local.6c6f-local-1250000000'

describe('isInFolder', () => {
  it.each([
    [`${env}/imports/t1/m1/2026.xlsx`, true],
    [`${env}/imports/t1/m1/sub/a.png`, true],
    [`${env}/imports/t1/m2/2026.xlsx`, false], // another member's upload
    [`${env}/evil/imports/t1/m1/x.xlsx`, false], // the folder appears, but not at the start
    [`${env}/imports/t1/m1/../m2/x.xlsx`, false],
    ['imports/t1/m1/x.xlsx', false], // not a fileID
    [`${env}/imports/t1/m1`, false], // the folder itself is no file
  ])('%s → %s', (fileID, inside) => {
    expect(isInFolder(fileID, 'imports/t1/m1/')).toBe(inside)
  })
})
