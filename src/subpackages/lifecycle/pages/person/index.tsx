import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { DevelopmentFileView, TeachingRole } from '../../../../../types/lifecycle'
import { TEACHING_ROLE_NAMES, TEACHING_ROLES } from '../../../../../types/lifecycle-names'
import type { Me } from '../../../../../types/roster'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField, TypeOrPick } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { AddPhotosButton } from '../../../../components/photo-picker'
import { usePhotoUploads } from '../../../../components/photo-picker/use-photo-uploads'
import { SwitchRow } from '../../../../components/switch-row'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { uploadPath } from '../../../../lib/cloud-paths'
import { developmentFilePageUrl } from '../../../../lib/routes'
import { dateKey } from '../../../../lib/time'
import { toast } from '../../../../lib/toast'
import { call } from '../../../../services/call'
import { newRequestId } from '../../lib/request-id'

interface Person {
  name: string
  phone: string
  teachingRole: TeachingRole
  keyTeacher: boolean
}
const FIELDS = ['name', 'phone', 'teachingRole', 'appliedOn', 'applicationLetter'] as const

/** 新建档案 (?branchId=): the person and their application; 编辑信息 (?fileId=): the person only. */
export default function PersonPage() {
  const params = useRouter().params
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) =>
          params.fileId ? (
            <EditPerson fileId={params.fileId} />
          ) : (
            <NewFile me={caller} branchId={params.branchId ?? ''} />
          )
        }
      </PageState>
    </Page>
  )
}

function EditPerson({ fileId }: { fileId: string }) {
  const file = useAction('lifecycle', 'developmentFile', { fileId })
  return <PageState query={file}>{(data) => <PersonForm file={data} me={null} branchId={data.branchId} />}</PageState>
}

function NewFile({ me, branchId }: { me: Me; branchId: string }) {
  return <PersonForm file={null} me={me} branchId={branchId} />
}

function PersonForm({ file, me, branchId }: { file: DevelopmentFileView | null; me: Me | null; branchId: string }) {
  const [requestId] = useState(() => newRequestId('dev'))
  const [person, setPerson] = useState<Person>({
    name: file?.name ?? '',
    phone: file?.phone ?? '',
    teachingRole: file?.teachingRole ?? 'teacher',
    keyTeacher: file?.keyTeacher ?? false,
  })
  const [appliedOn, setAppliedOn] = useState<string | null>(() => dateKey(Date.now()))
  // The letter goes to the file's own folder (its id is the request id), the only place the server takes it from.
  const letter = usePhotoUploads(() => [], {
    max: 9,
    pathOf: (name) => uploadPath(['development', me?.tenant.id ?? '', requestId], name, Date.now()),
  })
  const change = (patch: Partial<Person>) => setPerson((current) => ({ ...current, ...patch }))
  const fields = {
    name: person.name,
    phone: person.phone.trim() === '' ? null : person.phone.trim(),
    teachingRole: person.teachingRole,
    keyTeacher: person.keyTeacher,
  }
  const saving = useSubmit(
    () =>
      file
        ? call('lifecycle', 'updateDevelopmentPerson', { ...fields, fileId: file.id })
        : call('lifecycle', 'createDevelopmentFile', {
            ...fields,
            branchId,
            appliedOn: appliedOn ?? '',
            applicationLetter: letter.photos.map((photo) => photo.fileID),
            requestId,
          }),
    {
      fields: FIELDS,
      toast: file ? '已保存' : '已建立档案',
      onDone: (saved) => (file ? Taro.navigateBack() : Taro.redirectTo({ url: developmentFilePageUrl(saved.id) })),
    },
  )
  const { errors } = saving
  const addLetter = async () => {
    const added = await letter.add()
    if (added?.failed) toast('部分照片上传失败，请重试')
  }

  return (
    <View data-testid="dev-person-form">
      <View className="card">
        <FormField label="姓名" required error={errors.fields.name}>
          <Input
            className={`field-input${errors.fields.name ? ' field-input--invalid' : ''}`}
            data-testid="dev-person-name"
            value={person.name}
            placeholder="申请人姓名"
            onInput={(e) => change({ name: e.detail.value })}
          />
        </FormField>
        <FormField label="手机号码" hint="仅用于支部联系本人，不填写身份证号" error={errors.fields.phone}>
          <Input
            className={`field-input${errors.fields.phone ? ' field-input--invalid' : ''}`}
            data-testid="dev-person-phone"
            type="number"
            value={person.phone}
            placeholder="选填"
            onInput={(e) => change({ phone: e.detail.value })}
          />
        </FormField>
        <FormField label="岗位" required error={errors.fields.teachingRole}>
          <PickerField
            range={TEACHING_ROLES.map((role) => TEACHING_ROLE_NAMES[role])}
            index={TEACHING_ROLES.indexOf(person.teachingRole)}
            text={TEACHING_ROLE_NAMES[person.teachingRole]}
            invalid={Boolean(errors.fields.teachingRole)}
            testId="dev-person-role"
            onPick={(index) => change({ teachingRole: TEACHING_ROLES[index] })}
          />
        </FormField>
        <SwitchRow
          label="骨干教师（双培养）"
          hint="把骨干教师培养成党员"
          checked={person.keyTeacher}
          testId="dev-person-key-teacher"
          onChange={(keyTeacher) => change({ keyTeacher })}
        />
        {file ? null : (
          <>
            <FormField label="递交入党申请书日期" required error={errors.fields.appliedOn}>
              <TypeOrPick
                mode="date"
                placeholder="YYYY-MM-DD"
                value={appliedOn ?? ''}
                testId="dev-person-applied-on"
                invalid={Boolean(errors.fields.appliedOn)}
                onChange={setAppliedOn}
              />
            </FormField>
            <FormField label="入党申请书" hint="拍照上传，最多9张" error={errors.fields.applicationLetter}>
              <View className="dev-step__head">
                <Text className="dev-step__meta" data-testid="dev-letter-count">
                  {letter.uploading ? '上传中…' : `已上传 ${letter.photos.length} 张`}
                </Text>
                <AddPhotosButton
                  className="dev-inline-btn"
                  count={letter.photos.length}
                  max={9}
                  uploading={letter.uploading}
                  testId="dev-letter-add"
                  onAdd={addLetter}
                >
                  拍照上传
                </AddPhotosButton>
              </View>
            </FormField>
          </>
        )}
        <FieldError message={errors.general} testId="dev-person-error" />
      </View>
      <Button
        className="btn btn--primary"
        data-testid="dev-person-submit"
        disabled={saving.busy || letter.uploading || undefined}
        onClick={() => saving.submit()}
      >
        {file ? '保存' : '建立档案'}
      </Button>
    </View>
  )
}
