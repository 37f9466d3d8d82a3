import { getDb } from '#db/client.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { readPersonalData, type PersonalData } from '#app/data/personal-data.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'

export const PERSONAL_EXPORT_FORMAT = 'attune.personal-data/1'

// Leaving with your data: everything Attune holds about the viewer, in every organisation they
// belong to, as one JSON document. The export is audited with the data it was read with.
export async function exportPersonalData(
	viewer: { userId: string; organisationId: string },
	ip: string | null,
): Promise<ServiceResult<{ format: string; exportedAt: string } & PersonalData>> {
	const data = await getDb().transaction(async (tx) => {
		const read = await readPersonalData(tx, viewer.userId)
		if (read) {
			await recordAudit(
				{ type: 'data_exported', organisationId: viewer.organisationId, userId: viewer.userId, ip, detail: {} },
				tx,
			)
		}
		return read
	})
	if (!data) return fail.notFound('There is no such account.')
	return ok({ format: PERSONAL_EXPORT_FORMAT, exportedAt: new Date().toISOString(), ...data })
}
