import { FormField, TypedField, TypeOrPick } from '../../../components/form-field'

export interface Letter {
  letterNo: string
  counterpart: string
  issuedOn: string
  validDays: string
}
export type LetterField = 'letterNo' | 'issuedOn' | 'validDays'

/** A 介绍信 as both directions record it: number, the other organisation, date of issue and validity. */
export function LetterFields({
  letter,
  counterpartLabel,
  counterpartError,
  errors,
  onChange,
}: {
  letter: Letter
  counterpartLabel: string
  counterpartError?: string
  errors: Partial<Record<LetterField, string>>
  onChange: (patch: Partial<Letter>) => void
}) {
  return (
    <>
      <FormField label="介绍信编号" required error={errors.letterNo}>
        <TypedField
          testId="letter-no"
          placeholder="如：实党转〔2026〕5号"
          value={letter.letterNo}
          invalid={Boolean(errors.letterNo)}
          onInput={(letterNo) => onChange({ letterNo })}
        />
      </FormField>
      <FormField label={counterpartLabel} required error={counterpartError}>
        <TypedField
          testId="letter-counterpart"
          placeholder="党组织全称"
          value={letter.counterpart}
          invalid={Boolean(counterpartError)}
          onInput={(counterpart) => onChange({ counterpart })}
        />
      </FormField>
      <FormField label="开具日期" required error={errors.issuedOn}>
        <TypeOrPick
          mode="date"
          placeholder="YYYY-MM-DD"
          testId="letter-issued-on"
          value={letter.issuedOn}
          invalid={Boolean(errors.issuedOn)}
          onChange={(issuedOn) => onChange({ issuedOn })}
        />
      </FormField>
      <FormField label="有效期（天）" hint="开具当天算第1天，常见为30至90天" required error={errors.validDays}>
        <TypedField
          testId="letter-valid-days"
          type="number"
          value={letter.validDays}
          invalid={Boolean(errors.validDays)}
          onInput={(validDays) => onChange({ validDays })}
        />
      </FormField>
    </>
  )
}

/** The letter's fields as the contracts take them (the validity typed as text). */
export const letterInput = (letter: Letter) => ({
  letterNo: letter.letterNo,
  issuedOn: letter.issuedOn,
  validDays: Number(letter.validDays),
})
