import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layer rule must keep failing on a real violation, or it has silently rotted.
const eslint = new ESLint({ cwd: process.cwd() })

async function boundaryErrors(filePath: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath })
	return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message)
}

describe('import boundaries', () => {
	it('rejects a route that imports #db', async () => {
		const errors = await boundaryErrors(
			'app/routes/fixture-boundary.tsx',
			"import { organisations } from '#db/schema.ts'\nexport const x = organisations\n",
		)
		expect(errors).toEqual(['routes never touch #db: call a service or a repository'])
	})

	it('rejects a domain module that imports React, a repository or a server module', async () => {
		const errors = await boundaryErrors(
			'app/domain/fixture-boundary.ts',
			[
				"import { useState } from 'react'",
				"import { recordAudit } from '#app/data/audit.server.ts'",
				"import { hashPassword } from '#app/auth/password.server.ts'",
				'export const x = [useState, recordAudit, hashPassword]',
				'',
			].join('\n'),
		)
		expect(errors).toHaveLength(3)
	})

	it('rejects a component that imports a server module, and db/ importing app code', async () => {
		expect(
			await boundaryErrors(
				'app/components/fixture-boundary.tsx',
				"import { getViewer } from '#app/auth/session.server.ts'\nexport const x = getViewer\n",
			),
		).toHaveLength(1)
		expect(
			await boundaryErrors(
				'db/fixture-boundary.ts',
				"import { parseEnv } from '#app/utils/env.server.ts'\nexport const x = parseEnv\n",
			),
		).toHaveLength(1)
	})

	it('lets a route import a service and the domain', async () => {
		expect(
			await boundaryErrors(
				'app/routes/fixture-boundary.tsx',
				"import { seedDemo } from '#app/services/demo-seed.server.ts'\nimport { STYLES } from '#app/domain/assessment/style-model.ts'\nexport const x = [seedDemo, STYLES]\n",
			),
		).toEqual([])
	})
})

describe('repositories and auth', () => {
	it('rejects a repository that imports app/auth (the two layers must not import each other)', async () => {
		expect(
			await boundaryErrors(
				'app/data/fixture-boundary.server.ts',
				"import { getViewer } from '#app/auth/session.server.ts'\nexport const x = getViewer\n",
			),
		).toHaveLength(1)
	})
})

describe('services', () => {
	it('rejects a service that imports a component', async () => {
		expect(
			await boundaryErrors(
				'app/services/fixture-boundary.server.ts',
				"import { StyleCircle } from '#app/components/style-circle.tsx'\nexport const x = StyleCircle\n",
			),
		).toEqual(['services never import routes or components'])
	})
})
