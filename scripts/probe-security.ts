// Replays the outside probe of issue 8 against a running server and prints what it found.
//   npx tsx scripts/probe-security.ts http://localhost:3001 [--pid <server pid>]
// Start the server with TRUST_PROXY=true so that X-Forwarded-For stands in for many
// addresses (on loopback every request otherwise comes from one). Exits 1 when a probe
// finds a defect; the figures are printed either way.
import fs from 'node:fs'
import net from 'node:net'
import { randomUUID } from 'node:crypto'
import { rateLimits } from '#app/domain/accounts/rate-limits.ts'
import { BODY_LIMITS } from '#app/security/body-limit.ts'
import { craftedRedirectTargets, leavesSite } from '#tests/support/redirect-targets.ts'

const base = process.argv[2]
if (!base) {
	console.error('usage: tsx scripts/probe-security.ts <server url> [--pid <pid>]')
	process.exit(2)
}
const pidArg = process.argv.indexOf('--pid')
const pid = pidArg > 0 ? process.argv[pidArg + 1] : undefined
const origin = new URL(base).origin
const PASSWORD = 'probe passphrase 1234'
const run = randomUUID().slice(0, 8)
let defects = 0
let addressCounter = 1
const freshAddress = () => `198.51.${Math.floor(addressCounter / 250) % 250}.${(addressCounter++ % 250) + 1}`

type Reply = {
	status: number
	location: string | null
	remixRedirect: string | null
	cookie: string | null
	body: string
}

async function post(path: string, fields: Record<string, string>, opts: { ip?: string; cookie?: string } = {}) {
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
	if (opts.ip) headers['X-Forwarded-For'] = opts.ip
	if (opts.cookie) headers.Cookie = opts.cookie
	const response = await fetch(new URL(path, base), {
		method: 'POST',
		headers,
		body: new URLSearchParams(fields),
		redirect: 'manual',
	})
	return reply(response)
}

async function get(path: string, cookie?: string): Promise<Reply> {
	return reply(await fetch(new URL(path, base), { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' }))
}

async function reply(response: Response): Promise<Reply> {
	return {
		status: response.status,
		location: response.headers.get('Location'),
		remixRedirect: response.headers.get('X-Remix-Redirect'),
		cookie: response.headers.get('Set-Cookie')?.split(';')[0] ?? null,
		body: await response.text(),
	}
}

function report(label: string, value: string | number, ok: boolean) {
	if (!ok) defects++
	console.log(`${ok ? '  ok ' : '  ✖  '} ${label.padEnd(62)} ${value}`)
}

async function signUp(label: string) {
	const email = `probe-${label}-${run}@example.test`
	const ip = freshAddress()
	const r = await post(
		'/signup',
		{ organisationName: `Probe ${label} ${run}`, name: `Probe ${label}`, email, password: PASSWORD },
		{ ip },
	)
	if (r.status !== 302 || !r.cookie)
		throw new Error(`sign-up for ${label} answered ${r.status}: ${r.body.slice(0, 200)}`)
	return { email, cookie: r.cookie, ip }
}

async function invite(adminCookie: string, email: string): Promise<string> {
	const r = await post(
		'/members?_data=routes/members._index',
		{ intent: 'invite', email, role: 'learner' },
		{
			cookie: adminCookie,
		},
	)
	const url = (JSON.parse(r.body) as { link?: { url: string } }).link?.url
	if (!url) throw new Error(`invitation answered ${r.status}`)
	return new URL(url).pathname.split('/').pop()!
}

// Counted on the server: the failed password checks the victim, as their organisation's
// admin, sees in the audit log. They sign in from the address they signed up from, which
// the attack cannot lock (ADR 0005).
async function checkedOnServer(victim: { email: string; ip: string }): Promise<number> {
	const r = await post('/login', { email: victim.email, password: PASSWORD }, { ip: victim.ip })
	if (!r.cookie) return Number.NaN
	const page = await get('/admin/audit?kind=failures', r.cookie)
	return (page.body.match(/data-type="sign_in_failed"/g) ?? []).length
}

function tally(replies: Reply[]) {
	const by = new Map<number, number>()
	for (const r of replies) by.set(r.status, (by.get(r.status) ?? 0) + 1)
	return [...by].map(([s, n]) => `${n}×${s}`).join(' ')
}

function rssMb(): string {
	if (!pid) return 'n/a (pass --pid)'
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
	return `${(kb / 1024).toFixed(0)} MB`
}

console.log(`Probing ${origin} (run ${run})\n`)

// ── 1 and 3: password checks past the limit, through every route ──────────────
console.log('Password checks under 40 concurrent guesses')
{
	const limit = rateLimits.passwordFailuresPerAccountAndAddress.limit
	const victim = await signUp('login')
	const ip = freshAddress()
	const replies = await Promise.all(
		Array.from({ length: 40 }, (_, i) => post('/login', { email: victim.email, password: `guess-${i}-x` }, { ip })),
	)
	const checked = await checkedOnServer(victim)
	report(
		`/login, one address: checked on the server (limit ${limit})`,
		`${checked} (${tally(replies)})`,
		checked <= limit,
	)
	const limited = replies.filter((r) => r.status === 429)
	report('  every 429 carries Retry-After (JS off)', `${limited.length} × 429`, limited.length > 0)
	const jsOn = await fetch(new URL('/login?_data=routes/login', base), {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip },
		body: new URLSearchParams({ email: victim.email, password: 'again-wrong' }),
	})
	const noHeader = await fetch(new URL('/login', base), {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip },
		body: new URLSearchParams({ email: victim.email, password: 'again-wrong' }),
	})
	report(
		'  Retry-After with JS on (?_data) and JS off (document)',
		`${jsOn.headers.get('Retry-After')} / ${noHeader.headers.get('Retry-After')}`,
		jsOn.status === 429 &&
			noHeader.status === 429 &&
			!!jsOn.headers.get('Retry-After') &&
			!!noHeader.headers.get('Retry-After'),
	)
}
{
	const limit = rateLimits.passwordFailuresPerAccount.limit
	const victim = await signUp('spread')
	const replies = await Promise.all(
		Array.from({ length: 40 }, (_, i) =>
			post('/login', { email: victim.email, password: `guess-${i}-x` }, { ip: freshAddress() }),
		),
	)
	const checked = await checkedOnServer(victim)
	const note = replies.every((r) => r.status === 401) ? ' — all 401: is TRUST_PROXY on?' : ''
	report(
		`/login, 40 addresses: checked on the server (limit ${limit})`,
		`${checked} (${tally(replies)})${note}`,
		checked <= limit,
	)
}
{
	const limit = rateLimits.passwordFailuresPerAccountAndAddress.limit
	const victim = await signUp('invited')
	const attacker = await signUp('attacker')
	const token = await invite(attacker.cookie, victim.email)
	const ip = freshAddress()
	const replies = await Promise.all(
		Array.from({ length: 40 }, (_, i) =>
			post(`/invitations/${token}`, { intent: 'sign-in', password: `guess-${i}-x` }, { ip }),
		),
	)
	const checked = await checkedOnServer(victim)
	report(
		`/invitations sign-in: checked on the server (limit ${limit})`,
		`${checked} (${tally(replies)})`,
		checked <= limit,
	)
	const page = await get(`/invitations/${token}`)
	report(
		'  invitation page does not say the account exists',
		page.status,
		!/already have an Attune account\./i.test(page.body),
	)
}

// ── 2: open redirects ──────────────────────────────────────────────────────────
console.log(`\nRedirects after sign-in: ${craftedRedirectTargets.length} crafted targets, JS off and on`)
{
	const person = await signUp('redirect')
	const ip = freshAddress()
	let offSite = 0
	let errors = 0
	for (const redirectTo of craftedRedirectTargets) {
		for (const path of ['/login', '/login?_data=routes/login']) {
			const r = await post(path, { email: person.email, password: PASSWORD, redirectTo }, { ip })
			if (r.status >= 500) errors++
			const target = r.location ?? r.remixRedirect
			if (leavesSite(target, origin)) {
				offSite++
				console.log(`      off-site: ${JSON.stringify(redirectTo)} → ${target}`)
			}
		}
	}
	report('off-site redirects', offSite, offSite === 0)
	report('5xx answers', errors, errors === 0)
}

// ── 4: NUL and unique races ────────────────────────────────────────────────────
console.log('\nOdd input and races')
{
	const admin = await signUp('nul')
	const statuses: number[] = []
	statuses.push((await post('/teams', { intent: 'create-team', name: 'ab\u0000cd' }, { cookie: admin.cookie })).status)
	statuses.push(
		(
			await post(
				'/signup',
				{ organisationName: 'ab\u0000cd', name: 'x', email: `nul-${run}@example.test`, password: PASSWORD },
				{ ip: freshAddress() },
			)
		).status,
	)
	const token = await invite(admin.cookie, `nul-invitee-${run}@example.test`)
	statuses.push(
		(await post(`/invitations/${token}`, { intent: 'create', name: 'a\u0000b', password: PASSWORD })).status,
	)
	const teamRace = await Promise.all(
		Array.from({ length: 10 }, () =>
			post('/teams', { intent: 'create-team', name: `Race ${run}` }, { cookie: admin.cookie }),
		),
	)
	const other = await signUp('race')
	const email = `contested-${run}@example.test`
	const [t1, t2] = [await invite(admin.cookie, email), await invite(other.cookie, email)]
	const acceptRace = await Promise.all(
		[t1, t2].map((t) => post(`/invitations/${t}`, { intent: 'create', name: 'Racer', password: PASSWORD })),
	)
	const all = [...statuses.map((status) => ({ status }) as Reply), ...teamRace, ...acceptRace]
	const fives = all.filter((r) => r.status >= 500).length
	report(
		'NUL in team, organisation and person names',
		statuses.join(' '),
		statuses.every((s) => s === 400),
	)
	report(
		'10 concurrent creates of one team name',
		tally(teamRace),
		teamRace.filter((r) => r.status === 200).length === 1,
	)
	report(
		'two organisations accept one new e-mail at once',
		tally(acceptRace),
		acceptRace.some((r) => r.status === 302),
	)
	report('5xx across the NUL and race cases', fives, fives === 0)
}

// ── 5: an oversized body ───────────────────────────────────────────────────────
console.log('\nOversized bodies (300 MB offered to /login)')
async function oversized(chunked: boolean): Promise<{ status: string; written: number }> {
	const url = new URL('/login', base)
	const socket = net.connect(Number(url.port || 80), url.hostname)
	await new Promise<void>((resolve) => socket.once('connect', resolve))
	const total = 300 * 1024 * 1024
	socket.write(
		`POST /login HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
			(chunked ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${total}\r\n`) +
			'\r\n',
	)
	let response = ''
	let closed = false
	socket.on('data', (d) => (response += d.toString('latin1')))
	socket.on('close', () => (closed = true))
	socket.on('error', () => (closed = true))
	const piece = Buffer.alloc(64 * 1024, 'a')
	const frame = chunked
		? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
		: piece
	let written = 0
	const deadline = Date.now() + 20_000
	while (written < total && !closed && !response && Date.now() < deadline) {
		const flushed = socket.write(frame)
		written += piece.length
		if (!flushed) {
			await Promise.race([new Promise((r) => socket.once('drain', r)), new Promise((r) => setTimeout(r, 2000))])
		}
	}
	await new Promise((r) => setTimeout(r, 300))
	socket.destroy()
	return { status: /^HTTP\/1\.1 (\d+)/.exec(response)?.[1] ?? 'no answer', written }
}
{
	console.log(`      server memory before: ${rssMb()}`)
	const declared = await oversized(false)
	const streamed = await oversized(true)
	console.log(`      server memory after:  ${rssMb()}`)
	const cap = BODY_LIMITS.auth
	// What the client managed to push includes kernel socket buffers (a few MB at most).
	report(
		`declared 300 MB: status, bytes the client pushed (cap ${cap})`,
		`${declared.status}, ${declared.written}`,
		declared.status === '413' && declared.written < 16 * 1024 * 1024,
	)
	report(
		`chunked 300 MB: status, bytes the client pushed (cap ${cap})`,
		`${streamed.status}, ${streamed.written}`,
		streamed.status === '413' && streamed.written < 16 * 1024 * 1024,
	)
}

console.log(defects === 0 ? '\nNo defects found.' : `\n${defects} defect(s) found.`)
process.exit(defects === 0 ? 0 : 1)
