import { Link } from '@remix-run/react'

export type TodoItem = {
	id: string
	kind: 'scenario' | 'assessment'
	title: string
	assignedBy: string | null
	dueOn: string | null
	path: { name: string; position: number } | null
	done: boolean
	overdue: boolean
	openAttemptId: string | null
}

export type Todo = {
	today: string
	summary: { total: number; done: number; overdue: number }
	paths: Array<{ pathId: string; name: string; done: number; total: number }>
	items: TodoItem[]
}

function daysFrom(today: string, date: string) {
	return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

function dueText(item: TodoItem, today: string) {
	if (!item.dueOn) return 'no due date'
	const days = daysFrom(today, item.dueOn)
	if (item.done || days > 1) return `due ${item.dueOn}`
	if (days === 1) return 'due tomorrow'
	if (days === 0) return 'due today'
	return `${-days} day${days === -1 ? '' : 's'} overdue (due ${item.dueOn})`
}

// The learner's to-do list: what is assigned, by whom, when due, overdue marked, a progress bar per
// path (with the same figure in words). Plain links and text: it works with JavaScript off.
export function TodoList({ todo }: { todo: Todo }) {
	const open = todo.summary.total - todo.summary.done
	return (
		<section className="card" aria-labelledby="todo-heading">
			<h2 id="todo-heading">To do</h2>
			<p className="small muted">
				{open === 0
					? 'Everything assigned to you is done.'
					: `${open} open item${open === 1 ? '' : 's'}${todo.summary.overdue ? `, ${todo.summary.overdue} overdue` : ''}.`}{' '}
				The order of a path is a suggestion: take the items in any order.
			</p>
			{todo.paths.map((p) => (
				<div key={p.pathId} className="progress path-progress">
					<p className="flush">
						<strong>{p.name}</strong>: {p.done} of {p.total} done
					</p>
					<progress max={p.total} value={p.done} aria-label={`${p.name}: ${p.done} of ${p.total} done`} />
				</div>
			))}
			<ul className="todo-list">
				{todo.items.map((item) => (
					<li key={item.id} className={item.done ? 'todo--done' : undefined}>
						<div className="todo-list__what">
							<Link className="todo-list__title" to={`/todo/${item.id}`}>
								{item.title}
							</Link>
							<p className="small muted flush">
								{item.path ? `${item.path.name}, step ${item.path.position} · ` : ''}
								{item.assignedBy ? `assigned by ${item.assignedBy}` : 'assigned'} · {dueText(item, todo.today)}
							</p>
						</div>
						{item.done ? (
							<span className="badge badge--done">Done</span>
						) : item.overdue ? (
							<span className="badge badge--overdue">Overdue</span>
						) : item.openAttemptId ? (
							<span className="badge">In progress</span>
						) : null}
					</li>
				))}
			</ul>
		</section>
	)
}
