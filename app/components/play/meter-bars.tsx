import type { MeterView } from '#app/domain/scenario/play-view.ts'

export function MeterBars({ meters }: { meters: MeterView[] }) {
	return (
		<dl className="meters">
			{meters.map((m) => {
				const pct = m.max === m.min ? 0 : Math.round(((m.value - m.min) / (m.max - m.min)) * 100)
				const tone = pct < 25 ? 'low' : pct < 60 ? 'mid' : 'high'
				return (
					<div key={m.id} className="meter">
						<dt>{m.label}</dt>
						<dd>
							<meter
								className={`meter__bar meter__bar--${tone}`}
								min={m.min}
								max={m.max}
								low={m.min + (m.max - m.min) * 0.25}
								high={m.min + (m.max - m.min) * 0.6}
								optimum={m.max}
								value={m.value}
								aria-label={`${m.label}: ${m.value} of ${m.max}`}
							/>
							<span className="meter__value">{m.value}</span>
						</dd>
					</div>
				)
			})}
		</dl>
	)
}
