import { json } from '@remix-run/node'
import { databaseIsReachable } from '#app/data/health.server.ts'
import { isDraining } from '#app/utils/lifecycle.server.ts'

// Readiness, beside the liveness of /healthz: may this instance take traffic now? Not while
// the database is unreachable, and not while it drains after SIGTERM.
export async function loader() {
	const draining = isDraining()
	const database = (await databaseIsReachable()) ? 'reachable' : 'unreachable'
	const ready = !draining && database === 'reachable'
	return json({ ready, database, draining }, { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
