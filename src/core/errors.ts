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
