import type { Viewer } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { deleteNote, findNote, insertNote, listNotesAbout, updateNoteBody } from '#app/data/coaching-notes.server.ts'
import { can } from '#app/domain/permissions.ts'
import type { CoachAccess } from '#app/services/coach-view.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { getDb } from '#db/client.server.ts'

// Coaching notes: written by a coach (or admin) about a learner they coach, read by that learner
// and the coaches of the learner's current teams; only the author edits or deletes one.

export const NOTE_MAX = 4000

const who = (viewer: Viewer) => ({ userId: viewer.user.id, role: viewer.role })

export async function addNote(
	viewer: Viewer,
	access: CoachAccess,
	body: string,
	ip: string | null,
): Promise<ServiceResult<{ id: string }>> {
	const subject = {
		kind: 'member' as const,
		userId: access.learner.id,
		coachedByViewer: access.relation === 'team-coach',
	}
	if (!can(who(viewer), 'coaching.write-note', subject)) return fail.forbidden('You do not coach this learner.')
	const text = body.trim()
	if (!text) return fail.invalid('Write something first.', { body: ['Write something first.'] })
	if (text.length > NOTE_MAX) return fail.invalid(`Keep a note under ${NOTE_MAX} characters.`, { body: ['Too long.'] })
	return getDb().transaction(async (tx) => {
		const note = await insertNote(tx, {
			organisationId: viewer.organisation.id,
			learnerId: access.learner.id,
			authorId: viewer.user.id,
			body: text,
		})
		await recordAudit(
			{
				type: 'coaching_note_created',
				organisationId: viewer.organisation.id,
				userId: viewer.user.id,
				ip,
				detail: { noteId: note.id, learnerId: access.learner.id },
			},
			tx,
		)
		return ok(note)
	})
}

export async function changeNote(
	viewer: Viewer,
	access: CoachAccess,
	noteId: string,
	change: { intent: 'edit-note'; body: string } | { intent: 'delete-note' },
	ip: string | null,
): Promise<ServiceResult<undefined>> {
	const note = await findNote(viewer.organisation.id, access.learner.id, noteId)
	if (!note) return fail.notFound('There is no such note.')
	if (!can(who(viewer), 'coaching.change-note', { kind: 'coaching-note', authorId: note.authorId }))
		return fail.forbidden('Only the author of a note can change or delete it.')
	const text = change.intent === 'edit-note' ? change.body.trim() : ''
	if (change.intent === 'edit-note' && !text)
		return fail.invalid('Write something first, or delete the note.', { body: ['Write something first.'] })
	if (text.length > NOTE_MAX) return fail.invalid(`Keep a note under ${NOTE_MAX} characters.`, { body: ['Too long.'] })
	return getDb().transaction(async (tx) => {
		if (change.intent === 'edit-note') await updateNoteBody(tx, viewer.organisation.id, noteId, text)
		else await deleteNote(tx, viewer.organisation.id, noteId)
		await recordAudit(
			{
				type: change.intent === 'edit-note' ? 'coaching_note_edited' : 'coaching_note_deleted',
				organisationId: viewer.organisation.id,
				userId: viewer.user.id,
				ip,
				detail: { noteId, learnerId: access.learner.id },
			},
			tx,
		)
		return ok(undefined)
	})
}

/** A note about this learner, for its edit page (the route then checks that the viewer wrote it). */
export async function findNoteAbout(viewer: Viewer, access: CoachAccess, noteId: string) {
	const note = await findNote(viewer.organisation.id, access.learner.id, noteId)
	return note ? ok(note) : fail.notFound('There is no such note.')
}

/** The notes about the signed-in learner, for their own page. */
export async function notesAboutMe(viewer: Viewer) {
	return listNotesAbout(viewer.organisation.id, viewer.user.id)
}
