// Resolves the package.json "imports" aliases (#app/*, #db/*, #tests/*) for
// eslint-plugin-boundaries, then leaves everything else to the Node resolver.
const path = require('node:path')
const nodeResolver = require('eslint-import-resolver-node')

const root = path.resolve(__dirname, '..')
const aliases = { '#app/': 'app/', '#db/': 'db/', '#tests/': 'tests/' }

exports.interfaceVersion = 2
exports.resolve = function resolve(source, file, config) {
	for (const [alias, dir] of Object.entries(aliases)) {
		if (source.startsWith(alias)) {
			return { found: true, path: path.join(root, dir, source.slice(alias.length)) }
		}
	}
	return nodeResolver.resolve(source, file, config)
}
