/**
 * A trained model shipped beside its module as gzip-compressed JSON (the entity tagger, the attribution tagger): read
 * and unpacked on first use, once per process or thread; another file may replace it for evaluation.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export class ShippedModel<File, Weights> {
  private loaded?: Weights;
  constructor(
    private readonly url: URL,
    private readonly unpack: (file: File) => Weights,
  ) {}

  /** The shipped weights (or those of the file given to {@link use}). */
  get(): Weights {
    this.loaded ??= this.read(this.url);
    return this.loaded;
  }

  /** Uses another model file from now on (evaluation of a model trained on part of train). */
  use(file: string | URL): void {
    this.loaded = this.read(file);
  }

  private read(file: string | URL): Weights {
    return this.unpack(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as File);
  }
}
