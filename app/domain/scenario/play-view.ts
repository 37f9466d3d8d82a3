// What the play page shows of a conversation: plain data, shared by the play service and its components.
export type TranscriptEntry =
	| { kind: 'narration'; text: string }
	| { kind: 'customer'; speaker: string; text: string }
	| { kind: 'learner'; text: string }
	// A cue moment's answer: what the learner read in the customer's line.
	| { kind: 'cue'; question: string; text: string }

export type MeterView = { id: string; label: string; value: number; min: number; max: number }
