import { roleLabels, type Role } from '#app/domain/accounts/roles.ts'

export function RoleBadge({ role }: { role: Role }) {
	return <span className={`badge badge--${role}`}>{roleLabels[role]}</span>
}
