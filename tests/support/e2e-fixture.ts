// Shared by the end-to-end sign-in fixture (tests/support/e2e-sign-in.server.ts) and the tests.
export const E2E_SIGN_IN_PATH = '/__e2e/sign-in'

export function e2eSignInUrl(
	email: string,
	landing: string,
	secret = process.env.ATTUNE_E2E_FIXTURE_TOKEN ?? '',
): string {
	return `${E2E_SIGN_IN_PATH}?${new URLSearchParams({ email, to: landing, token: secret })}`
}
