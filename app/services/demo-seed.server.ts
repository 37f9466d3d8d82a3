import { eq } from 'drizzle-orm'
import type { Database } from '#db/client.server.ts'
import {
	assignments,
	memberships,
	onboardingPathItems,
	onboardingPaths,
	organisations,
	teamCoaches,
	teamMembers,
	teams,
	users,
} from '#db/schema.ts'
import { addDays, todayInZone } from '#app/domain/coaching/dates.ts'
import { hashPassword } from '#app/auth/password.server.ts'

export const DEMO_PASSWORD = 'northwind-demo'
export const DEMO_ORGANISATION = { name: 'Northwind Support', slug: 'northwind-support' }

type DemoPerson = { name: string; email: string }

export const demoPeople = {
	admin: { name: 'Alex Morgan', email: 'admin@northwind.test' },
	coaches: [
		{ name: 'Priya Shah', email: 'priya.coach@northwind.test' },
		{ name: 'Marcus Lee', email: 'marcus.coach@northwind.test' },
	],
	teams: [
		{
			name: 'Support — Tier 1',
			coach: 0,
			learners: [
				{ name: 'Jordan Ellis', email: 'jordan@northwind.test' },
				{ name: 'Sam Rivera', email: 'sam@northwind.test' },
				{ name: 'Aisha Khan', email: 'aisha@northwind.test' },
				{ name: 'Tom Becker', email: 'tom@northwind.test' },
			],
		},
		{
			name: 'Sales Development',
			coach: 1,
			learners: [
				{ name: 'Lena Novak', email: 'lena@northwind.test' },
				{ name: 'Diego Alvarez', email: 'diego@northwind.test' },
				{ name: 'Grace Kim', email: 'grace@northwind.test' },
				{ name: 'Noah Fischer', email: 'noah@northwind.test' },
			],
		},
	],
} as const

// An example onboarding path, given by the Tier 1 coach to the first Tier 1 learner (issue 13).
export const demoPath = {
	name: 'Support onboarding: first week',
	description: 'Learn your own style, then two conversations every new support hire meets early.',
	items: [
		{ kind: 'assessment', scenarioSlug: null, dueAfterDays: 2 },
		{ kind: 'scenario', scenarioSlug: 'cancelled-chair-delivery', dueAfterDays: 4 },
		{ kind: 'scenario', scenarioSlug: 'frozen-payment-manager', dueAfterDays: 7 },
	],
} as const

export type SeedResult = { created: boolean }

// Idempotent: the demo organisation is created once, identified by its slug.
export async function seedDemo(db: Database): Promise<SeedResult> {
	const [existing] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, DEMO_ORGANISATION.slug))
	if (existing) return { created: false }

	// One hash for every demo account keeps start-up fast; they share the password anyway.
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	await db.transaction(async (tx) => {
		const [org] = await tx.insert(organisations).values(DEMO_ORGANISATION).returning()
		if (!org) throw new Error('seed: organisation insert returned nothing')
		const addPerson = async (person: DemoPerson, role: 'admin' | 'coach' | 'learner') => {
			const [user] = await tx
				.insert(users)
				.values({ ...person, passwordHash })
				.onConflictDoUpdate({ target: users.email, set: { name: person.name } })
				.returning()
			if (!user) throw new Error('seed: user insert returned nothing')
			await tx.insert(memberships).values({ organisationId: org.id, userId: user.id, role })
			return user.id
		}
		await addPerson(demoPeople.admin, 'admin')
		const coachIds: string[] = []
		for (const coach of demoPeople.coaches) coachIds.push(await addPerson(coach, 'coach'))
		const learnerIds: string[] = []
		for (const teamSpec of demoPeople.teams) {
			const [team] = await tx.insert(teams).values({ organisationId: org.id, name: teamSpec.name }).returning()
			if (!team) throw new Error('seed: team insert returned nothing')
			const coachId = coachIds[teamSpec.coach]
			if (coachId) await tx.insert(teamCoaches).values({ organisationId: org.id, teamId: team.id, userId: coachId })
			for (const learner of teamSpec.learners) {
				const userId = await addPerson(learner, 'learner')
				learnerIds.push(userId)
				await tx.insert(teamMembers).values({ organisationId: org.id, teamId: team.id, userId })
			}
		}
		const [path] = await tx
			.insert(onboardingPaths)
			.values({ organisationId: org.id, name: demoPath.name, description: demoPath.description })
			.returning()
		if (!path) throw new Error('seed: path insert returned nothing')
		await tx
			.insert(onboardingPathItems)
			.values(demoPath.items.map((item, position) => ({ organisationId: org.id, pathId: path.id, position, ...item })))
		const today = todayInZone(new Date(), org.timeZone)
		await tx.insert(assignments).values(
			demoPath.items.map((item, position) => ({
				organisationId: org.id,
				kind: item.kind,
				scenarioSlug: item.scenarioSlug,
				userId: learnerIds[0],
				assignedBy: coachIds[0],
				dueOn: addDays(today, item.dueAfterDays),
				pathId: path.id,
				pathPosition: position,
			})),
		)
	})
	return { created: true }
}

export function demoSignInText(): string {
	const rows = [
		['Admin', demoPeople.admin.email],
		...demoPeople.coaches.map((c) => ['Coach', c.email]),
		...demoPeople.teams.flatMap((t) => t.learners.map((l) => [`Learner (${t.name})`, l.email])),
	]
	return [
		`Demo organisation "${DEMO_ORGANISATION.name}" — every account's password is: ${DEMO_PASSWORD}`,
		...rows.map(([role, email]) => `  ${role?.padEnd(34)} ${email}`),
	].join('\n')
}
