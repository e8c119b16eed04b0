import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PointsRule } from '../../../../../types/points'
import type { Me } from '../../../../../types/roster'
import { PageState } from '../../../../components/page-state'
import { usePhotoUploads } from '../../../../components/photo-picker/use-photo-uploads'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { uploadPath } from '../../../../lib/cloud-paths'
import { call } from '../../../../services/call'
import { CLAIM_MAX_PHOTOS, ClaimForm } from '../../components/claim-form'
import { ClaimCard } from '../../components/claim-review'
import '../../components/points.css'
import { Page } from '../../../../components/page'

/** 积分申报: a member claims an item with a note and photo evidence, and follows their claims. */
export default function ClaimPage() {
  const me = useAction('roster', 'me', {})
  const rules = useAction('points', 'getRules', {})
  const mine = useAction('points', 'listClaims', { branchId: null, status: 'pending', page: 1, pageSize: 20 })
  return (
    <Page>
      <PageState query={me}>
        {(caller) => (
          <PageState
            query={rules}
            isEmpty={(data) => !data.rules.some((r) => r.active && r.claimable)}
            empty={{ title: '暂无可申报的积分项目', hint: '可申报的项目由教育局党委在积分细则中设置' }}
          >
            {(data) => (
              <ClaimEditor me={caller} rules={data.rules.filter((r) => r.active && r.claimable)} onSent={mine.reload} />
            )}
          </PageState>
        )}
      </PageState>
      <View className="card">
        <Text className="card__title">待审核的申报</Text>
        <PageState
          query={mine}
          isEmpty={(data) => data.items.length === 0}
          empty={{ title: '没有待审核的申报', hint: '提交后由支部书记审核，通过后计入积分' }}
        >
          {(data) => (
            <View>
              {data.items.map((claim) => (
                <ClaimCard key={claim.id} claim={claim} />
              ))}
            </View>
          )}
        </PageState>
      </View>
    </Page>
  )
}

function ClaimEditor({ me, rules, onSent }: { me: Me; rules: PointsRule[]; onSent: () => void }) {
  const [ruleIndex, setRuleIndex] = useState(0)
  const [points, setPoints] = useState(String(rules[0].points))
  const [note, setNote] = useState('')
  const { photos, setPhotos, uploading, add } = usePhotoUploads(() => [], {
    max: CLAIM_MAX_PHOTOS,
    pathOf: (name) => uploadPath(['points', me.tenant.id, me.memberId], name, Date.now()),
  })
  const rule = rules[ruleIndex]
  const sending = useSubmit(
    () =>
      call('points', 'submitClaim', {
        ruleKey: rule.key,
        note,
        photos: photos.map((photo) => photo.fileID),
        ...(rule.variable ? { points: Number(points) } : {}),
      }),
    {
      fields: [],
      toast: '已提交，等待审核',
      onDone: () => {
        setNote('')
        setPhotos([])
        onSent()
      },
    },
  )

  const addPhotos = async () => {
    const added = await add()
    if (added) sending.setErrors({ fields: {}, general: added.failed ? '部分照片上传失败，请重试' : null })
  }

  return (
    <ClaimForm
      rules={rules}
      ruleIndex={ruleIndex}
      points={points}
      note={note}
      photoCount={photos.length}
      uploading={uploading}
      saving={sending.busy}
      error={sending.errors.general}
      onRule={(index) => {
        setRuleIndex(index)
        setPoints(String(rules[index].points))
      }}
      onPoints={setPoints}
      onNote={setNote}
      onPickPhotos={addPhotos}
      onSubmit={() => sending.submit()}
    />
  )
}
