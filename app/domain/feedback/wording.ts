// Small wording helpers shared by the debrief's rules and its page. No zod here: the debrief page
// ships this to the browser, inside the learner pages' JavaScript budget.

export function withArticle(word: string, capital = false): string {
	const article = /^[AEIOU]/i.test(word) ? 'an' : 'a'
	return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${word}`
}
