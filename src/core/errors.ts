/** One problem found while building a pipeline. */
export interface PipelineIssue {
  code: 'E_UNKNOWN_STAGE' | 'E_UNMET_REQUIRES' | 'E_BAD_OPTIONS' | 'E_NOT_ARTICLE' | 'E_DUPLICATE_STAGE';
  stage: string;
  message: string;
}

/** Config or programming error, thrown while a pipeline is built; lists every issue at once. */
export class PipelineError extends Error {
  readonly code: PipelineIssue['code'];
  constructor(readonly issues: PipelineIssue[]) {
    super(issues.map((i) => `[${i.code}] ${i.stage}: ${i.message}`).join('\n'));
    this.name = 'PipelineError';
    this.code = issues[0]?.code ?? 'E_BAD_OPTIONS';
  }
}

/** An input (file, URL, record) that could not be read; names the input and the problem. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly ruleId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${input}: ${message}`, options);
    this.name = 'InputError';
  }
}

/** A store operation failed; carries the SQL and parameters for context (Drizzle style). */
export class StoreQueryError extends Error {
  constructor(
    readonly sql: string,
    readonly params: unknown[],
    cause: unknown,
  ) {
    super(`store query failed: ${(cause as Error)?.message ?? String(cause)} [${sql.slice(0, 120)}]`, { cause });
    this.name = 'StoreQueryError';
  }
}

/** Why a store could not be opened as asked; each is a stable `store:*` rule id. */
export type StoreOpenRule =
  | 'store:empty-path'
  | 'store:not-found'
  | 'store:cannot-open'
  | 'store:read-only'
  | 'store:foreign'
  | 'store:newer-schema';

/** A store location that cannot be used as asked (missing, read-only, another program's, too new); names the location. */
export class StoreOpenError extends Error {
  constructor(
    readonly location: string,
    readonly ruleId: StoreOpenRule,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`store ${JSON.stringify(location)}: ${message} [${ruleId}]`, options);
    this.name = 'StoreOpenError';
  }
}
