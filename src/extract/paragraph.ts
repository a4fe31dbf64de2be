/** One paragraph of pre-filter text, with the structural hints the boilerplate filter uses. */
export interface SourceParagraph {
  text: string;
  /** Offsets of this paragraph in the pre-filter text (raw body for text input). */
  start: number;
  end: number;
  heading?: boolean;
  listItem?: boolean;
  /** Share of the text inside links (HTML only). */
  linkDensity?: number;
  /** Inside <figure>/<figcaption> or a caption-classed element (HTML only). */
  inFigure?: boolean;
  /** Came from a <blockquote>/<pre>; never treated as a caption. */
  quote?: boolean;
  /** Hidden on the page (a closed tab or accordion panel, a menu); page blocks only, for the block model. */
  hidden?: boolean;
  /** Structural marks of its ancestors (tags and class/id words), when the walk was asked for them. */
  marks?: readonly string[];
  /** The block model reads the page block this paragraph came from as main text (HTML only); a linked entry it keeps is not a link list. */
  modelMain?: boolean;
}

/**
 * A piece extraction removed, with why. Offsets point into the pre-filter text; page blocks the
 * main-content cascade left out (navigation, footers, sidebars) have none, as they never entered it.
 */
export interface DroppedPiece {
  text: string;
  /** `boilerplate:<kind>`, e.g. `boilerplate:photo-credit`, or `boilerplate:outside-main-content`. */
  reason: string;
  start?: number;
  end?: number;
}

/** Maps a paragraph of `Article.text` to where it came from in the pre-filter text. */
export interface SourceMapEntry {
  start: number;
  end: number;
  inputStart: number;
  inputEnd: number;
}
