import { afterEach, describe, expect, it } from 'vitest'
import { loader as readyz } from '#app/routes/readyz.ts'
import { setDraining } from '#app/utils/lifecycle.server.ts'
import { getDatabaseHandle, setDatabase, type DatabaseHandle } from '#db/client.server.ts'

afterEach(() => setDraining(false))

describe('/readyz', () => {
	it('is ready (200, JSON) while the database answers', async () => {
		const res = await readyz()
		expect(res.status).toBe(200)
		expect(await res.json()).toEqual({ ready: true, database: 'reachable', draining: false })
	})

	it('is not ready (503) when the database fails or hangs', async () => {
		const real = getDatabaseHandle()
		const broken = (execute: () => Promise<never>): DatabaseHandle => ({
			...real,
			db: new Proxy(real.db, { get: (t, k) => (k === 'execute' ? execute : Reflect.get(t, k)) }),
		})
		try {
			setDatabase(broken(() => Promise.reject(new Error('connect ECONNREFUSED'))))
			let res = await readyz()
			expect(res.status).toBe(503)
			expect(await res.json()).toEqual({ ready: false, database: 'unreachable', draining: false })

			setDatabase(broken(() => new Promise<never>(() => {})))
			const t = Date.now()
			res = await readyz()
			expect(res.status).toBe(503)
			expect(Date.now() - t).toBeLessThan(10_000)
		} finally {
			setDatabase(real)
		}
	})

	it('is not ready (503) while the process drains after SIGTERM', async () => {
		setDraining(true)
		const res = await readyz()
		expect(res.status).toBe(503)
		expect(await res.json()).toMatchObject({ ready: false, database: 'reachable', draining: true })
	})
})
