import { json } from '@remix-run/node'
import { pingDatabase } from '#app/data/health.server.ts'

export async function loader() {
	await pingDatabase()
	return json({ ok: true })
}
