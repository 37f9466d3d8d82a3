import { and, desc, eq, sql } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { coachingNotes, users } from '#db/schema.ts'

type Executor = Database | Transaction

// Notes about one learner, newest first, with their author's name (null once the author's account is gone).
export async function listNotesAbout(organisationId: string, learnerId: string, db: Executor = getDb()) {
	return db
		.select({
			id: coachingNotes.id,
			body: coachingNotes.body,
			authorId: coachingNotes.authorId,
			authorName: users.name,
			createdAt: coachingNotes.createdAt,
			updatedAt: coachingNotes.updatedAt,
		})
		.from(coachingNotes)
		.leftJoin(users, eq(users.id, coachingNotes.authorId))
		.where(and(eq(coachingNotes.organisationId, organisationId), eq(coachingNotes.learnerId, learnerId)))
		.orderBy(desc(coachingNotes.createdAt), desc(coachingNotes.id))
}

export async function findNote(organisationId: string, learnerId: string, noteId: string, db: Executor = getDb()) {
	const [row] = await db
		.select()
		.from(coachingNotes)
		.where(
			and(
				eq(coachingNotes.organisationId, organisationId),
				eq(coachingNotes.learnerId, learnerId),
				eq(coachingNotes.id, noteId),
			),
		)
	return row
}

export async function insertNote(
	tx: Transaction,
	input: { organisationId: string; learnerId: string; authorId: string; body: string },
) {
	const [row] = await tx.insert(coachingNotes).values(input).returning({ id: coachingNotes.id })
	return row!
}

export async function updateNoteBody(tx: Transaction, organisationId: string, noteId: string, body: string) {
	await tx
		.update(coachingNotes)
		.set({ body, updatedAt: sql`now()` })
		.where(and(eq(coachingNotes.organisationId, organisationId), eq(coachingNotes.id, noteId)))
}

export async function deleteNote(tx: Transaction, organisationId: string, noteId: string) {
	await tx
		.delete(coachingNotes)
		.where(and(eq(coachingNotes.organisationId, organisationId), eq(coachingNotes.id, noteId)))
}
