import { Injectable } from '@nestjs/common';
import { Client, isGrpcServiceError, type WorkflowHandle } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { HistoryAppend, RunHistory } from './history-comparison.js';

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

/** The name the journey's append activity is scheduled under (JourneyActivities.appendEvents). */
export const APPEND_ACTIVITY = 'appendEvents';
const GRPC_NOT_FOUND = 5;
/** Temporal is a cross-check, not the record: a slow server must not hold an auditor's request for long. */
const HISTORY_DEADLINE_MS = 15_000;

const idOf = (value: { toString(): string } | number | null | undefined): number => Number(String(value ?? 0));

/**
 * Reads the `appendEvents` activities every run of a participant's journey scheduled, from the runs' own
 * histories. Runs are found from the run ids the stored events name, then by walking the continue-as-new chain
 * from its first run, so a run whose events were all removed from the store is still read.
 */
@Injectable()
export class WorkflowHistoryReader {
  constructor(private readonly client: Client) {}

  async runsOf(workflowId: string, knownRunIds: readonly string[]): Promise<RunHistory[]> {
    return this.client.withDeadline(Date.now() + HISTORY_DEADLINE_MS, async () => {
      const histories = new Map<string, History | null>();
      const load = async (runId: string): Promise<History | null> => {
        if (!histories.has(runId)) histories.set(runId, await this.fetch(workflowId, runId));
        return histories.get(runId) ?? null;
      };
      const walked = new Set<string>();
      for (const seed of knownRunIds) {
        const history = await load(seed);
        if (!history) continue;
        // Walk the whole chain this run belongs to, from its first run through every continue-as-new.
        for (let next: string | undefined = started(history)?.firstExecutionRunId || seed; next && !walked.has(next); ) {
          walked.add(next);
          const run = await load(next);
          next = run ? continuedAs(run) : undefined;
        }
      }
      const decoded: RunHistory[] = [];
      for (const [runId, history] of histories) decoded.push(history ? { runId, found: true, appends: await this.appendsOf(runId, history) } : { runId, found: false, appends: [] });
      return decoded;
    });
  }

  private async fetch(workflowId: string, runId: string): Promise<History | null> {
    try {
      return await this.client.workflow.getHandle(workflowId, runId).fetchHistory();
    } catch (error) {
      // A run past the namespace's retention is gone from Temporal: reported as unavailable, not as a failure.
      if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) return null;
      throw error;
    }
  }

  private async appendsOf(runId: string, history: History): Promise<HistoryAppend[]> {
    const events = history.events ?? [];
    const closed = new Map<number, 'COMPLETED' | 'FAILED'>();
    for (const e of events) {
      if (e.activityTaskCompletedEventAttributes) closed.set(idOf(e.activityTaskCompletedEventAttributes.scheduledEventId), 'COMPLETED');
      for (const failed of [e.activityTaskFailedEventAttributes, e.activityTaskTimedOutEventAttributes, e.activityTaskCanceledEventAttributes]) {
        if (failed) closed.set(idOf(failed.scheduledEventId), 'FAILED');
      }
    }
    const appends: HistoryAppend[] = [];
    for (const e of events) {
      const scheduled = e.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name !== APPEND_ACTIVITY) continue;
      const scheduledEventId = idOf(e.eventId);
      const [input] = await this.decode(scheduled.input?.payloads ?? []);
      appends.push({ runId, scheduledEventId, outcome: closed.get(scheduledEventId) ?? 'PENDING', input });
    }
    return appends;
  }

  /** With the client's own data converter, codecs included (an encryption codec decrypts here). */
  private async decode(payloads: readonly Payload[]): Promise<unknown[]> {
    const converter = this.client.options.loadedDataConverter;
    let decoded = [...payloads];
    for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
    return decoded.map((p) => converter.payloadConverter.fromPayload(p));
  }
}

const started = (history: History) => (history.events ?? []).find((e: HistoryEvent) => e.workflowExecutionStartedEventAttributes)?.workflowExecutionStartedEventAttributes ?? undefined;
const continuedAs = (history: History): string | undefined =>
  (history.events ?? []).find((e: HistoryEvent) => e.workflowExecutionContinuedAsNewEventAttributes)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
