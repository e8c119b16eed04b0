import { groupBy } from '../../cloudfunctions/domain/group-by'

test('groups keep the items’ order, and the groups their first-seen order', () => {
  const grouped = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (item) => item[0])
  expect([...grouped.keys()]).toEqual(['b', 'a', 'c'])
  expect(grouped.get('a')).toEqual(['a1', 'a2'])
  expect(grouped.get('b')).toEqual(['b1', 'b2'])
})
