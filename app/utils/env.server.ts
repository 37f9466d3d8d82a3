import { z } from 'zod'

const booleanString = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((v) => v === 'true' || v === '1' || v === 'yes')

const envSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
		.optional(),
	DATA_DIR: z.string().min(1).default('./.data'),
	SCENARIOS_DIR: z.string().min(1).default('./scenarios'),
	SESSION_IDLE_MINUTES: z.coerce
		.number()
		.int()
		.min(5)
		.max(60 * 24 * 30)
		.default(12 * 60),
	SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(14),
	COOKIE_SECURE: booleanString.optional(),
	TRUST_PROXY: booleanString.default(false),
	SEED_DEMO: booleanString.default(true),
	// Signs state the server hands to the browser (the admin preview). Set it when several instances
	// serve one site; unset, each process makes its own and a preview does not survive a restart.
	SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
	// Where people reach this installation; xAPI activity IRIs and the actor's homePage sit under it.
	PUBLIC_URL: z
		.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, like https://attune.example.org' })
		.transform((v) => v.replace(/\/+$/, ''))
		.default('http://localhost:3000'),
})

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {}

// Empty strings count as unset so `DATABASE_URL= npm start` means "embedded".
export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
	const result = envSchema.safeParse(cleaned)
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
		throw new EnvError(`Invalid environment variables:\n${lines.join('\n')}`)
	}
	return result.data
}

let cached: Env | undefined
export function getEnv(): Env {
	cached ??= parseEnv(process.env)
	return cached
}

export function cookiesAreSecure(env: Env = getEnv()): boolean {
	return env.COOKIE_SECURE ?? env.NODE_ENV === 'production'
}
