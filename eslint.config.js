import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import globals from 'globals'
import path from 'node:path'
import tseslint from 'typescript-eslint'

// The layers of docs/architecture.md. Each file belongs to the first element whose pattern matches it.
const elements = [
	{ type: 'domain', pattern: 'app/domain/**' },
	{ type: 'services', pattern: 'app/services/**' },
	{ type: 'data', pattern: 'app/data/**' },
	{ type: 'routes', pattern: 'app/routes/**' },
	{ type: 'components', pattern: 'app/components/**' },
	{ type: 'auth', pattern: 'app/auth/**' },
	// Server-only helpers outside the layered folders (env, http, crypto). A file-mode pattern over all of
	// app/ would take precedence over the folders above, so it names app/utils only.
	{ type: 'server', pattern: 'app/utils/*.server.ts', mode: 'full' },
	{ type: 'app', pattern: 'app/**' },
	{ type: 'db', pattern: 'db/**' },
	{ type: 'scripts', pattern: 'scripts/**' },
	{ type: 'tests', pattern: 'tests/**' },
]

export default tseslint.config(
	{
		ignores: [
			'build/**',
			'.cache/**',
			'.data/**',
			'node_modules/**',
			'test-results/**',
			'playwright-report/**',
			'public/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
			'no-console': 'off',
		},
	},
	{
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		files: ['**/*.ts', '**/*.tsx'],
		plugins: { boundaries },
		settings: {
			'boundaries/elements': elements,
			'boundaries/include': ['app/**', 'db/**', 'scripts/**', 'tests/**'],
			'import/resolver': { [path.resolve('eslint/hash-imports-resolver.cjs')]: {} },
		},
		rules: {
			'boundaries/element-types': [
				'error',
				{
					default: 'allow',
					rules: [
						{
							from: 'domain',
							disallow: ['services', 'data', 'routes', 'components', 'auth', 'server', 'db'],
							message: 'app/domain is pure: it imports no service, repository, server module, component or #db',
						},
						{
							from: 'components',
							disallow: ['services', 'data', 'routes', 'auth', 'server', 'db'],
							message: 'components are presentational: no server module, service, repository or #db',
						},
						{ from: 'routes', disallow: ['db'], message: 'routes never touch #db: call a service or a repository' },
						{
							from: 'services',
							disallow: ['routes', 'components'],
							message: 'services never import routes or components',
						},
						{
							from: 'data',
							disallow: ['services', 'routes', 'components', 'auth'],
							message: 'repositories import no service, route, component or app/auth module',
						},
						{
							from: 'db',
							disallow: ['services', 'data', 'routes', 'components', 'auth', 'server', 'app'],
							message: 'db/ depends on nothing in app/ except the pure domain',
						},
					],
				},
			],
			'boundaries/external': [
				'error',
				{
					default: 'allow',
					rules: [
						{
							from: 'domain',
							disallow: [
								'react',
								'react-dom',
								'@remix-run/*',
								'drizzle-orm',
								'drizzle-orm/*',
								'postgres',
								'@electric-sql/*',
							],
							message: 'app/domain is pure: no React, Remix or database driver',
						},
						{
							from: 'components',
							disallow: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'],
							message: 'components do no data access',
						},
					],
				},
			],
		},
	},
)
