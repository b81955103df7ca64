/**
 * How the tag cards are laid out: TensorBoard's groups (the prefix before the first
 * `/`), but a group of one card is not given a row of its own. Consecutive groups of
 * one card flow together in one grid without a header (each card's title names its
 * tag), so Keras logs (`epoch_loss`, `epoch_accuracy`, ...: one tag per group) fill
 * rows; a group of several cards gets a header and its cards after it.
 */
import { groupTags } from '@tb/ui';

/** One block of cards: a titled group, or a run of one-card groups flowing together. */
export type CardSection =
  | { readonly kind: 'group'; readonly name: string; readonly tags: readonly string[] }
  | { readonly kind: 'flow'; readonly tags: readonly string[] };

/**
 * The sections of `tags` (in display order), grouped by prefix.
 *
 * @example cardSections(['epoch_loss', 'epoch_acc', 'train/a', 'train/b', 'lr'])
 * // [{ kind: 'flow', tags: ['epoch_loss', 'epoch_acc'] },
 * //  { kind: 'group', name: 'train', tags: ['train/a', 'train/b'] },
 * //  { kind: 'flow', tags: ['lr'] }]
 */
export function cardSections(tags: readonly string[]): CardSection[] {
  const out: CardSection[] = [];
  let flow: string[] | null = null;
  for (const group of groupTags(tags)) {
    if (group.tags.length === 1) {
      if (!flow) out.push({ kind: 'flow', tags: (flow = []) });
      flow.push(group.tags[0]!);
    } else {
      flow = null;
      out.push({ kind: 'group', name: group.name, tags: group.tags });
    }
  }
  return out;
}
