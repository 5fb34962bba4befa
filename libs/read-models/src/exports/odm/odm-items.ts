import { canonicalJson } from '@trialflow/domain';

/** The ODM 1.3.2 data types the export uses. */
export type OdmDataType = 'text' | 'integer' | 'float' | 'boolean' | 'date' | 'datetime';

/** One data point of an event: its field path (dots for nested objects), ODM value and data type. */
export interface OdmValue {
  readonly path: string;
  /** Null for a field recorded as null, or removed by a correction (ItemData IsNull="Yes"). */
  readonly value: string | null;
  readonly dataType: OdmDataType;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function scalar(path: string, value: unknown): OdmValue {
  if (value === null) return { path, value: null, dataType: 'text' };
  if (typeof value === 'boolean') return { path, value: String(value), dataType: 'boolean' };
  if (typeof value === 'number') return { path, value: String(value), dataType: Number.isInteger(value) ? 'integer' : 'float' };
  if (typeof value === 'string') return { path, value, dataType: DATE.test(value) ? 'date' : DATETIME.test(value) ? 'datetime' : 'text' };
  // Lists (and empty objects) keep their structure as canonical JSON text: lossless, and the same every time.
  return { path, value: canonicalJson(value), dataType: 'text' };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every data point of an object, nested objects flattened into dotted paths, in path order. */
export function flatten(data: Readonly<Record<string, unknown>>, prefix = ''): OdmValue[] {
  return Object.keys(data)
    .sort()
    .flatMap((key) => {
      const value = data[key];
      const path = prefix ? `${prefix}.${key}` : key;
      if (value === undefined) return [];
      if (isRecord(value) && Object.keys(value).length > 0) return flatten(value, path);
      return [scalar(path, value)];
    });
}

/** One item seen with different types (a value that is a number here and a word there) is declared as text. */
export function widen(a: OdmDataType, b: OdmDataType): OdmDataType {
  if (a === b) return a;
  if ((a === 'integer' && b === 'float') || (a === 'float' && b === 'integer')) return 'float';
  return 'text';
}
