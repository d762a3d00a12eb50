/** How a person shows themself in a network (NET-WEB-4): their name, and only if they wish their school and district. */
import type { MemberShown } from '#contracts/networks';
import type { FormValues } from '../forms/ApiForm';
import { useSignedInUser } from '../shell/session';
import { TextField } from '../ui/TextField';
import { useNetworksT } from './i18n';

export const shownFieldNames = ['shown.name', 'shown.school', 'shown.district'] as const;

export function shownOf(values: FormValues): MemberShown {
  return {
    name: values['shown.name'] ?? '',
    school: values['shown.school'] ?? '',
    district: values['shown.district'] ?? '',
  };
}

/** Filled with the account's name, first school and district: the person edits or clears them. */
export function ShownFields() {
  const t = useNetworksT();
  const me = useSignedInUser();
  return (
    <>
      <TextField
        name="shown.name"
        label={t('list.shownName')}
        defaultValue={me.name}
        isRequired
        autoComplete="name"
      />
      <TextField
        name="shown.school"
        label={t('list.shownSchool')}
        defaultValue={me.schools[0]?.schoolName ?? ''}
        autoComplete="off"
      />
      <TextField
        name="shown.district"
        label={t('list.shownDistrict')}
        defaultValue={me.districtName}
        autoComplete="off"
      />
    </>
  );
}
