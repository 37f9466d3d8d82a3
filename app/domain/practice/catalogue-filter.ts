import { z } from 'zod'
import {
	audiences,
	channels,
	customerStyles,
	difficulties,
	type CatalogueFilter,
} from '#app/domain/practice/catalogue.ts'

// Unknown filter values are ignored rather than rejected: a shared or old link
// should still show the catalogue.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.string()
		.optional()
		.transform((v) => ((values as readonly string[]).includes(v ?? '') ? (v as T[number]) : undefined))

export const catalogueFilterSchema = z.object({
	audience: optionalEnum(audiences),
	channel: optionalEnum(channels),
	difficulty: optionalEnum(difficulties),
	style: optionalEnum(customerStyles),
}) satisfies z.ZodType<CatalogueFilter>
