/** A writer's expected version is stale: someone else appended to the stream first. */
export class StreamVersionConflictError extends Error {
  override readonly name = 'StreamVersionConflict';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}.`);
  }
}

/** Some of the event ids were stored before, but not as this exact append: never silently accepted. */
export class EventIdReuseError extends Error {
  override readonly name = 'EventIdReuse';
  constructor(readonly streamId: string, readonly eventIds: readonly string[]) {
    super(`Event ids already stored elsewhere or in another order for stream ${streamId}: ${eventIds.join(', ')}.`);
  }
}

/** The append request itself is malformed (nothing was written): a bug in the caller, not a transient fault. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppend';
  constructor(readonly streamId: string, readonly problems: readonly string[]) {
    super(`Append to ${streamId} refused: ${problems.join('; ')}.`);
  }
}
