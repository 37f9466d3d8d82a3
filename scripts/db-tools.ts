import fs from 'node:fs'
import path from 'node:path'

// pg_dump / pg_restore: from PATH, else the newest Debian cluster binaries.
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, name)
		if (dir && fs.existsSync(candidate)) return candidate
	}
	const root = '/usr/lib/postgresql'
	const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
	for (const v of versions) {
		const candidate = path.join(root, v, 'bin', name)
		if (fs.existsSync(candidate)) return candidate
	}
	throw new Error(`${name} was not found: install the PostgreSQL client tools (apt-get install postgresql-client).`)
}
