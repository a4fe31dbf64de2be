import { z } from 'zod';
import { hashId } from './article.js';
import { PipelineError, type PipelineIssue } from './errors.js';
import type { AnyStage } from './pipeline.js';

/** A named stage factory with its option schema; defaults live in the schema beside the factory. */
export interface StageFactory<S extends z.ZodType = z.ZodType> {
  name: string;
  options: S;
  /** Bump when the stage's output for the same input changes, so stored articles analysed by the older one are redone. */
  version?: number;
  create(options: z.infer<S>): AnyStage;
}

/** One entry of a pipeline config: a stage name, optionally with options. */
export type StageConfig = string | { name: string; options?: Record<string, unknown> };

/** Maps stage names to factories; filled explicitly, never by import side effects. */
export class Registry {
  private readonly factories = new Map<string, StageFactory>();

  constructor(factories: readonly StageFactory[] = []) {
    for (const factory of factories) this.add(factory);
  }

  add(factory: StageFactory): this {
    this.factories.set(factory.name, factory);
    return this;
  }

  names(): string[] {
    return [...this.factories.keys()];
  }

  /** Builds every configured stage, reporting all unknown names and bad options together. */
  build(config: readonly StageConfig[]): AnyStage[] {
    const issues: PipelineIssue[] = [];
    const stages: AnyStage[] = [];
    for (const entry of config) {
      const name = typeof entry === 'string' ? entry : entry.name;
      const factory = this.factories.get(name);
      if (!factory) {
        issues.push({ code: 'E_UNKNOWN_STAGE', stage: name, message: `unknown stage; known: ${this.names().join(', ')}` });
        continue;
      }
      const parsed = factory.options.safeParse(typeof entry === 'string' ? {} : entry.options ?? {});
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({ code: 'E_BAD_OPTIONS', stage: name, message: `${issue.path.join('.') || '(options)'}: ${issue.message}` });
        }
        continue;
      }
      const stage = versioned(factory.create(parsed.data), factory.version, parsed.data);
      origins.set(stage, { factory, options: parsed.data });
      stages.push(stage);
    }
    if (issues.length) throw new PipelineError(issues);
    return stages;
  }
}

/** Which factory built a stage, with what options: lets a worker thread rebuild the same stage (src/core/article-workers.ts). */
export interface StageOrigin {
  factory: StageFactory;
  options: unknown;
}

/** Weak, so that the record goes with the stage; kept off the stage object, whose fields stages spread and compare. */
const origins = new WeakMap<AnyStage, StageOrigin>();

/** The factory and options a stage was built from by `Registry.build`, if it was. */
export function stageOrigin(stage: AnyStage): StageOrigin | undefined {
  return origins.get(stage);
}

/** Stamps a built stage with its factory's version and a digest of its options: either changing means stored output is stale. */
function versioned(stage: AnyStage, version: number | undefined, options: unknown): AnyStage {
  if (version === undefined) return stage;
  return { ...stage, version: `${version}:${hashId(JSON.stringify(options ?? {}), 8)}` };
}
