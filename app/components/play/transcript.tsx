import type { TranscriptEntry } from '#app/domain/scenario/play-view.ts'

export function Transcript({ entries, customerName }: { entries: TranscriptEntry[]; customerName: string }) {
	return (
		<ol className="transcript" aria-label={`Conversation with ${customerName}`}>
			{entries.map((entry, i) => (
				<li key={i} className={`transcript__entry transcript__entry--${entry.kind}`}>
					{entry.kind === 'narration' ? (
						<p className="transcript__narration">{entry.text}</p>
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
