// Whose layer an imported annotation joins, and what a colleague's layer is called. Names are not
// identities ("analyst" is everyone's default), so the installation id decides: an annotation goes to
// my layer only when its id is mine, or, in a file without ids, when it carries my name and I have
// confirmed the file is mine. Everything else is a colleague's layer, keyed by their id (by their
// name only when the file has no id), and shown under a name no other layer and not I use.
// Excluded: storage and dialogs (renderer/io/import.ts asks, renderer/db stores).

/** The analyst using this installation. */
export interface Me {
  /** Stable random id of this installation. */
  readonly id: string;
  readonly name: string;
}

/** What the routing needs of an annotation (and of a file's exportedBy). */
export interface Attributed {
  readonly annotator: string;
  readonly annotatorId?: string | undefined;
}

/** A colleague's layer key: their id when known, else their name; the prefixes keep the two apart. */
export type LayerKey = `id:${string}` | `name:${string}`;

export type Route = { readonly kind: 'mine' } | { readonly kind: 'colleague'; readonly key: LayerKey; readonly name: string; readonly annotatorId?: string };

/**
 * The id an annotation is by: its own annotatorId, else the file's exportedBy.id when the file's
 * writer has the annotation's name (a writer stamps exportedBy even where it has no per-annotation id).
 */
export function effectiveId(a: Attributed, exportedBy?: { readonly id: string; readonly name: string }): string | undefined {
  if (a.annotatorId !== undefined) return a.annotatorId;
  return exportedBy !== undefined && exportedBy.name === a.annotator ? exportedBy.id : undefined;
}

/** Whether the annotation needs my word before it may join my layer: no id, and my name. */
export function needsConfirmation(a: Attributed, me: Me, exportedBy?: { readonly id: string; readonly name: string }): boolean {
  return effectiveId(a, exportedBy) === undefined && a.annotator === me.name;
}

/** How many of a file's annotations need my word (the count the confirmation names). */
export function countNeedingConfirmation(annotations: Iterable<Attributed>, me: Me, exportedBy?: { readonly id: string; readonly name: string }): number {
  let n = 0;
  for (const a of annotations) if (needsConfirmation(a, me, exportedBy)) n += 1;
  return n;
}

/**
 * Where an imported annotation goes. `confirmedMine` is my answer for the file's annotations that
 * have my name and no id (asked once per file); it never moves an annotation with an id.
 */
export function routeAnnotation(a: Attributed, me: Me, confirmedMine: boolean, exportedBy?: { readonly id: string; readonly name: string }): Route {
  const id = effectiveId(a, exportedBy);
  if (id !== undefined) {
    return id === me.id ? { kind: 'mine' } : { kind: 'colleague', key: `id:${id}`, name: a.annotator, annotatorId: id };
  }
  if (a.annotator === me.name && confirmedMine) return { kind: 'mine' };
  return { kind: 'colleague', key: `name:${a.annotator}`, name: a.annotator };
}

/**
 * The name a new layer is shown under: the annotator's own name when no other layer and not I use
 * it, else the same name with the first free " (2)", " (3)", … Compared exactly (as the layers are).
 */
export function uniqueLayerName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Longest layer name accepted when renaming (the settings dialog allows the same for mine). */
export const MAX_LAYER_NAME_LENGTH = 120;

/**
 * Why `name` cannot be a colleague layer's new name, or undefined. `others` are the names of every
 * other layer; mine is `me`. Trimmed first: a name that differs only in spaces is the same name.
 */
export function layerNameProblem(name: string, me: string, others: Iterable<string>): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'A layer needs a name.';
  if (trimmed.length > MAX_LAYER_NAME_LENGTH) return `A layer name may have at most ${MAX_LAYER_NAME_LENGTH} characters.`;
  if (/\p{Cs}/u.test(trimmed)) return 'The name contains a broken character (an unpaired surrogate).';
  if (trimmed === me) return `“${trimmed}” is your own name; pick another so the layers stay apart.`;
  for (const o of others) if (o === trimmed) return `Another layer is already called “${trimmed}”.`;
  return undefined;
}
