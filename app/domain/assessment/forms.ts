// The self-assessment's two forms (ADR 0009). Kept apart from adaptive.ts, so a page that only names
// the forms does not pull the item bank into its JavaScript.
export const ASSESSMENT_FORMS = ['full', 'adaptive'] as const
export type AssessmentForm = (typeof ASSESSMENT_FORMS)[number]
