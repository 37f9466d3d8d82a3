import type { TranscriptEntry } from '#app/domain/scenario/play-view.ts'

// `markNewest` puts the #now anchor on the customer's newest line: after a reply without
// JavaScript the page reloads there instead of at the top of a long transcript.
export function Transcript({
	entries,
	customerName,
	markNewest = false,
}: {
	entries: TranscriptEntry[]
	customerName: string
	markNewest?: boolean
}) {
	const newest = markNewest ? entries.findLastIndex((e) => e.kind === 'customer') : -1
	return (
		<ol className="transcript" aria-label={`Conversation with ${customerName}`}>
			{entries.map((entry, i) => (
				<li
					key={i}
					className={`transcript__entry transcript__entry--${entry.kind}`}
					id={i === newest ? 'now' : undefined}
					tabIndex={i === newest ? -1 : undefined}
				>
					{entry.kind === 'narration' ? (
						<p className="transcript__narration">{entry.text}</p>
					) : entry.kind === 'cue' ? (
						<p className="transcript__cue">
							<span className="muted">{entry.question}</span> You read: <strong>{entry.text}</strong>
						</p>
					) : (
						<div className="bubble">
							<span className="bubble__who">{entry.kind === 'customer' ? entry.speaker : 'You'}</span>
							<p className="bubble__text">{entry.text}</p>
						</div>
					)}
				</li>
			))}
		</ol>
	)
}
