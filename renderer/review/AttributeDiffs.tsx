// The differing attribute values of a same-span pair, mine beside theirs, each with a choice of
// which one my span keeps when I accept theirs (default: theirs where I set nothing, mine
// otherwise; see src/review/decisions.ts). Once decided, the choice made is shown instead.
// Comparing two colleagues' layers shows the values without choices: there is nothing of mine to keep.

import type { Annotation } from '../../src/annotations/types.js';
import { attributeDifferences, compareOptionsFor, targetsIn, type AttributeDifference } from '../../src/review/attribute-diff.js';
import { formatAttributeValue } from '../../src/review/attribute-format.js';
import { defaultAttributeChoice, type AttributeChoice, type ReviewDecision } from '../../src/review/decisions.js';
import { useSchema } from '../schema/schema-context.js';

export type AttributeChoices = Readonly<Record<string, AttributeChoice>>;

interface Props {
  /** A side: mine when `decidable`. */
  readonly mine: Annotation;
  readonly theirs: Annotation;
  readonly mineLayer: readonly Annotation[];
  readonly theirLayer: readonly Annotation[];
  /** Whether I can choose (mine is my layer and theirs is undecided). */
  readonly decidable: boolean;
  readonly decision?: ReviewDecision | undefined;
  readonly choices: AttributeChoices;
  readonly onChoose: (attribute: string, choice: AttributeChoice) => void;
}

export function useAttributeDifferences(
  mine: Annotation,
  theirs: Annotation,
  mineLayer: readonly Annotation[],
  theirLayer: readonly Annotation[],
): AttributeDifference[] {
  const schema = useSchema();
  return attributeDifferences(mine.attributes, theirs.attributes, compareOptionsFor(schema.labels, mine.label, targetsIn(mineLayer), targetsIn(theirLayer)));
}

export function AttributeDiffs({ mine, theirs, mineLayer, theirLayer, decidable, decision, choices, onChoose }: Props) {
  const schema = useSchema();
  const defs = schema.labels.find((l) => l.id === mine.label)?.attributes ?? [];
  const diffs = useAttributeDifferences(mine, theirs, mineLayer, theirLayer);
  const taken = decision?.attributes;
  const show = (value: AttributeDifference['mine'], id: string, layer: readonly Annotation[]) =>
    formatAttributeValue(value, { link: defs.find((d) => d.id === id)?.type === 'link', quoteOf: (t) => layer.find((a) => a.id === t)?.quote });
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();
  return (
    <div className="attribute-diffs" data-testid="attribute-diffs" onClick={stop}>
      {diffs.length === 0 && taken ? (
        <p className="meta" data-testid="attribute-decided">
          Values now agree:{' '}
          {Object.entries(taken)
            .map(([id, c]) => `${defs.find((d) => d.id === id)?.name ?? id} ${c === 'theirs' ? 'taken from them' : 'kept mine'}`)
            .join(', ')}
        </p>
      ) : null}
      {diffs.map((d) => {
        const name = defs.find((x) => x.id === d.id)?.name ?? d.id;
        const choice = taken?.[d.id] ?? choices[d.id] ?? defaultAttributeChoice(d);
        const group = `attr-${theirs.annotator}-${theirs.id}-${d.id}`;
        return (
          <fieldset key={d.id} className="attribute-diff" data-testid="attribute-diff" data-attribute={d.id} disabled={!decidable || decision !== undefined}>
            <legend className="name">{name}</legend>
            <label className={choice === 'mine' && decidable ? 'chosen' : ''}>
              {decidable ? (
                <input type="radio" name={group} checked={choice === 'mine'} onChange={() => onChoose(d.id, 'mine')} data-testid="attribute-keep-mine" />
              ) : null}{' '}
              <span className="meta">{mine.annotator}:</span> <span data-testid="attribute-mine">{show(d.mine, d.id, mineLayer)}</span>
            </label>
            <label className={choice === 'theirs' && decidable ? 'chosen' : ''}>
              {decidable ? (
                <input type="radio" name={group} checked={choice === 'theirs'} onChange={() => onChoose(d.id, 'theirs')} data-testid="attribute-take-theirs" />
              ) : null}{' '}
              <span className="meta">{theirs.annotator}:</span> <span data-testid="attribute-theirs">{show(d.theirs, d.id, theirLayer)}</span>
            </label>
          </fieldset>
        );
      })}
    </div>
  );
}
