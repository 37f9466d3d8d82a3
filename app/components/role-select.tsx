import { getSelectProps, type FieldMetadata } from '@conform-to/react'
import { ErrorList } from '#app/components/forms.tsx'
import { roleLabels, roles, type Role } from '#app/domain/accounts/roles.ts'

export function RoleSelect({ meta }: { meta: FieldMetadata<Role> }) {
	return (
		<div className="field grow-1">
			<label htmlFor={meta.id}>Role</label>
			<select {...getSelectProps(meta)} key={meta.key}>
				{roles.map((r) => (
					<option key={r} value={r}>
						{roleLabels[r]}
					</option>
				))}
			</select>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}
